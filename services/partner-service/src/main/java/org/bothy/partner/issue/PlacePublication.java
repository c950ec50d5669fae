package org.bothy.partner.issue;

/**
 * The consortium's rule for which issues the place must see: a macro issue (level 3) or one only government can
 * act on. Once an issue has been shared, every later change is shared too, even one that takes it out of the rule,
 * so that the place is never left holding a stale picture.
 */
final class PlacePublication {

    static final int MACRO = 3;
    static final String GOVERNMENT = "government";

    private PlacePublication() {
    }

    /** Whether an issue with this content concerns the place. */
    static boolean concernsThePlace(IssueContent content) {
        return content.level() == MACRO || GOVERNMENT.equals(content.owner());
    }

    /** Whether a change leaving the issue with {@code content} is shared, given whether it has been before. */
    static boolean shares(boolean sharedBefore, IssueContent content) {
        return sharedBefore || concernsThePlace(content);
    }
}

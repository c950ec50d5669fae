package org.bothy.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.bothy.devidentity.DevIssuer;
import org.bothy.devidentity.DevRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bothy token <role> [org|body]}: prints a development token signed with the stack's persisted key. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a development token: worker|lead <organisation>, place-lead, statutory <body>, admin.")
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "worker, lead, place-lead, statutory or admin")
    String role;

    @Parameters(index = "1", arity = "0..1", description = "organisation (worker, lead) or statutory body (statutory)")
    String scope;

    @Option(names = "--subject", description = "The token's subject (default: dev-<role>[@<scope>]).")
    String subject;

    @Option(names = "--ttl", defaultValue = "PT8H", description = "Time to live, ISO-8601 (default PT8H).")
    Duration ttl;

    @Option(names = "--data", description = "Data folder (default: $BOTHY_HOME, else ./bothy-data).")
    Path data;

    @Override
    public Integer call() {
        DataHome home = DataHome.resolve(data);
        DevRole devRole;
        try {
            devRole = DevRole.fromClaimValue(role);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        // the same key the running stack's issuer serves, so the token is accepted with or without a restart
        DevIssuer issuer = DevIssuer.loadOrCreate(home.issuerKey(), "http://localhost:" + Ports.standard().issuer());
        String who = subject != null ? subject : "dev-" + devRole.claimValue() + (scope == null ? "" : "@" + scope);
        try {
            System.out.println(issuer.mint(devRole, scope, who, ttl));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}

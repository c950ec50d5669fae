package org.bothy.devidentity;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** The command line that mints a development token for a role, signed with the local stack's issuer key. */
@Command(name = "mint", mixinStandardHelpOptions = true,
        description = "Mints a development bearer token for a Bothy role and prints it.")
public final class MintToken implements Callable<Integer> {

    /** The issuer the local stack's services trust. */
    public static final String DEFAULT_ISSUER = "http://127.0.0.1:9000";

    @Option(names = "--key-file", defaultValue = "bothy-data/dev-issuer/jwk.json",
            description = "the issuer's JWK file (created if absent); default: ${DEFAULT-VALUE}")
    Path keyFile;

    @Option(names = "--issuer", defaultValue = DEFAULT_ISSUER, description = "the iss claim; default: ${DEFAULT-VALUE}")
    String issuer;

    @Option(names = "--role", required = true, description = "worker, lead, place-lead, statutory or admin")
    String role;

    @Option(names = "--org", description = "the organisation code (worker and lead), e.g. fresh-start")
    String organisation;

    @Option(names = "--body", description = "the statutory body code (statutory), e.g. dwp")
    String body;

    @Option(names = "--subject", description = "the sub claim; default: dev-<role>")
    String subject;

    @Option(names = "--ttl", defaultValue = "PT8H", description = "time to live, ISO-8601; default: ${DEFAULT-VALUE}")
    Duration ttl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DevRole devRole;
        try {
            devRole = DevRole.fromClaimValue(role);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String scope = devRole.needsOrganisation() ? organisation : devRole.needsBody() ? body : null;
        String sub = subject != null ? subject : "dev-" + devRole.claimValue();
        try {
            String token = DevIssuer.loadOrCreate(keyFile, issuer).mint(devRole, scope, sub, ttl);
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status, for callers that must not exit the JVM. */
    public static int run(String... args) {
        return new CommandLine(new MintToken()).execute(args);
    }
}

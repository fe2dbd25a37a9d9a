package io.wiretag.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wiretag.story.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wiretag's one HTTP port: a route table (method + path, or a path prefix ending in {@code /*}) over the
 * JDK's {@link HttpServer}. Parts of the app add their routes before {@link #start}; unknown paths answer
 * 404, a known path with another method 405, and every error is one line of JSON.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** What a route does with one request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    /** One request as a handler sees it; the body is a stream, so a handler can refuse a large one early. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers,
                          long contentLength, InputStream body) {
        /** The first value of a header (names are case-insensitive), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** One answer: status, content type, bytes and extra headers. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response json(int status, Object value) {
            return new Response(status, "application/json", Json.bytes(value), Map.of());
        }

        /** The one-line JSON error every route answers with: {@code {"error": "...", "status": 413}}. */
        public static Response error(int status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("status", status);
            return json(status, body);
        }

        public Response withStatus(int newStatus) {
            return new Response(newStatus, contentType, body, headers);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, contentType, body, h);
        }
    }

    private record Route(String method, String pattern, Handler handler) {
        boolean matchesPath(String path) {
            return pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(path);
        }
    }

    private final String bind;
    private final int port;
    private final List<Route> routes = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    /** A server for {@code bind:port} (port 0: any free port); nothing listens until {@link #start}. */
    public WebServer(String bind, int port) {
        this.bind = bind;
        this.port = port;
    }

    /**
     * Adds a route: {@code path} is exact, or a prefix when it ends in {@code /*}. Exact routes win over
     * prefixes, longer prefixes over shorter ones.
     */
    public synchronized WebServer route(String method, String path, Handler handler) {
        if (server != null) {
            throw new IllegalStateException("routes are added before the server starts");
        }
        String m = method.toUpperCase(Locale.ROOT);
        for (Route r : routes) {
            if (r.method.equals(m) && r.pattern.equals(path)) {
                throw new IllegalArgumentException("route " + m + " " + path + " is already taken");
            }
        }
        routes.add(new Route(m, path, handler));
        return this;
    }

    /** Starts listening; throws with a one-line reason when the address cannot be bound. */
    public synchronized WebServer start() {
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        } catch (BindException e) {
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (set wiretag.http.port or wiretag.http.bind)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        // A few threads: a slow POST waiting for the broker must not hold up a health check.
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wiretag-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        LOG.info("HTTP on http://{}", address());
        return this;
    }

    /** The address the server listens on, e.g. {@code 127.0.0.1:8080}. */
    public String address() {
        InetSocketAddress a = server.getAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress socketAddress() {
        return server.getAddress();
    }

    private void dispatch(HttpExchange exchange) {
        Response response;
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        try {
            List<Route> forPath = routes.stream().filter(r -> r.matchesPath(path))
                    .sorted(Comparator.comparing((Route r) -> r.pattern.endsWith("/*")).thenComparing(r -> -r.pattern.length()))
                    .toList();
            if (forPath.isEmpty()) {
                response = Response.error(404, "no such path: " + path);
            } else {
                String best = forPath.get(0).pattern;
                Route route = forPath.stream().filter(r -> r.pattern.equals(best) && r.method.equals(method)).findFirst()
                        .or(() -> "HEAD".equals(method) ? forPath.stream().filter(r -> r.pattern.equals(best) && r.method.equals("GET")).findFirst()
                                : java.util.Optional.empty())
                        .orElse(null);
                if (route == null) {
                    TreeMap<String, Boolean> allowed = new TreeMap<>();
                    forPath.stream().filter(r -> r.pattern.equals(best)).forEach(r -> allowed.put(r.method, true));
                    String allow = String.join(", ", allowed.keySet());
                    response = Response.error(405, method + " is not allowed on " + path + "; use " + allow).withHeader("Allow", allow);
                } else {
                    String length = exchange.getRequestHeaders().getFirst("Content-Length");
                    long contentLength = parseLength(length);
                    response = route.handler.handle(new Request(method, path, exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders(), contentLength, exchange.getRequestBody()));
                }
            }
        } catch (Exception | StackOverflowError e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            response = Response.error(500, "internal error: " + e.getClass().getSimpleName());
        }
        send(exchange, method, response);
    }

    private static long parseLength(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, String method, Response response) {
        try (exchange) {
            // A body the handler left unread (refused as too large) is not drained here: the JDK server
            // reads a little of it and closes the connection rather than read megabytes nobody wants.
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] body = response.body();
            boolean head = "HEAD".equals(method);
            exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot answer {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    /** Stops accepting, lets running exchanges finish for up to a second, then stops the threads. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
    }
}

package dev.switchboard.wamp.spring.example;

import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.spring.annotation.WampError;
import dev.switchboard.wamp.spring.annotation.WampProcedure;
import dev.switchboard.wamp.spring.annotation.WampSubscriber;
import dev.switchboard.wamp.spring.endpoint.WampProgress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.stereotype.Component;

/** The example application's WAMP endpoints. */
@Component
public class Calculator {

    public record Point(double x, double y) {
    }

    public record Route(String name, List<Point> points) {
    }

    public record Summary(String name, int size, double length) {
    }

    @WampError("com.example.error.empty_route")
    public static class EmptyRouteException extends RuntimeException {
        EmptyRouteException(String message) {
            super(message);
        }
    }

    /** Headlines received on {@code com.example.news}. */
    public final BlockingQueue<String> headlines = new LinkedBlockingQueue<>();

    /** Routes received on {@code com.example.routes}. */
    public final BlockingQueue<Route> routes = new LinkedBlockingQueue<>();

    @WampProcedure("com.example.add")
    public long add(long a, long b) {
        return a + b;
    }

    /** A record from kwargs (or args[0]) in, a record out (as a dict in args[0]). */
    @WampProcedure(uri = "com.example.summarize", invoke = InvocationPolicy.ROUNDROBIN, concurrency = 4)
    public Summary summarize(Route route) {
        if (route.points().isEmpty()) {
            throw new EmptyRouteException("route " + route.name() + " has no points");
        }
        double length = 0;
        for (int i = 1; i < route.points().size(); i++) {
            Point a = route.points().get(i - 1);
            Point b = route.points().get(i);
            length += Math.hypot(b.x() - a.x(), b.y() - a.y());
        }
        return new Summary(route.name(), route.points().size(), length);
    }

    /** Counts to {@code n}, sending each number as a progressive result; the final result is {@code n}. */
    @WampProcedure("com.example.count")
    public int count(int n, WampProgress progress) {
        for (int i = 1; i < n; i++) {
            progress.send(i);
        }
        return n;
    }

    @WampProcedure("com.example.fail")
    public void fail() {
        throw new IllegalStateException("broken on purpose");
    }

    @WampSubscriber("com.example.news")
    public void onNews(String headline) {
        headlines.add(headline);
    }

    @WampSubscriber(topic = "com.example.routes")
    public void onRoute(Route route) {
        routes.add(route);
    }
}

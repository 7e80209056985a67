package dev.switchboard.wamp.matching;

import dev.switchboard.wamp.matching.UriPatternIndex.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wildcard patterns of a {@link UriPatternIndex}: one trie on URI components per component count, since a
 * wildcard pattern only matches URIs with as many components as it has. Each node has a map of literal children and
 * one wildcard child (an empty pattern component), so a lookup follows at most two branches per component instead
 * of scanning every pattern.
 *
 * <p>Lookups visit the literal child before the wildcard child. That order lists matches best first under the
 * dealer rule of {@link UriPatternIndex#bestMatch}: at the first component where two matching patterns differ, the
 * one with the literal component comes first. {@link #remove} drops the nodes only the removed pattern needed.
 */
final class WildcardTrie<V> {

    private final Map<Integer, Node<V>> rootsByComponentCount = new HashMap<>();
    private int size;

    int size() {
        return size;
    }

    @Nullable Entry<V> get(String pattern) {
        Node<V> node = rootsByComponentCount.get(componentCount(pattern));
        for (String component : components(pattern)) {
            if (node == null) {
                return null;
            }
            node = node.child(component);
        }
        return node == null ? null : node.entry;
    }

    /** Stores {@code entry} under its pattern's URI; returns the entry it replaced. */
    @Nullable Entry<V> put(Entry<V> entry) {
        List<String> components = components(entry.pattern().uri());
        Node<V> node = rootsByComponentCount.computeIfAbsent(components.size(), count -> new Node<>());
        for (String component : components) {
            node = node.childOrCreate(component);
        }
        Entry<V> previous = node.entry;
        node.entry = entry;
        if (previous == null) {
            size++;
        }
        return previous;
    }

    /** Removes the entry stored under {@code pattern} and the nodes only it needed; returns that entry. */
    @Nullable Entry<V> remove(String pattern) {
        List<String> components = components(pattern);
        Node<V> root = rootsByComponentCount.get(components.size());
        if (root == null) {
            return null;
        }
        List<Node<V>> path = new ArrayList<>(components.size() + 1);
        path.add(root);
        Node<V> node = root;
        for (String component : components) {
            node = node.child(component);
            if (node == null) {
                return null;
            }
            path.add(node);
        }
        Entry<V> removed = node.entry;
        if (removed == null) {
            return null;
        }
        node.entry = null;
        size--;
        for (int depth = components.size(); depth > 0 && path.get(depth).isEmpty(); depth--) {
            path.get(depth - 1).removeChild(components.get(depth - 1));
        }
        if (root.isEmpty()) {
            rootsByComponentCount.remove(components.size());
        }
        return removed;
    }

    /** Adds the value of every pattern matching {@code uri} to {@code out}, best match first. */
    void collectMatches(String uri, List<V> out) {
        Node<V> root = rootsByComponentCount.get(componentCount(uri));
        if (root != null) {
            collect(root, uri, 0, out);
        }
    }

    /** The entry of the best matching pattern: the one with a literal where the others have a wildcard first. */
    @Nullable Entry<V> bestMatch(String uri) {
        Node<V> root = rootsByComponentCount.get(componentCount(uri));
        return root == null ? null : best(root, uri, 0);
    }

    /** The number of nodes including the roots, so tests can see that removal frees them. */
    int nodeCount() {
        int count = 0;
        for (Node<V> root : rootsByComponentCount.values()) {
            count += root.countNodes();
        }
        return count;
    }

    private static <V> void collect(Node<V> node, String uri, int start, List<V> out) {
        if (start > uri.length()) {
            if (node.entry != null) {
                out.add(node.entry.value());
            }
            return;
        }
        int end = componentEnd(uri, start);
        if (node.literals != null) {
            Node<V> literal = node.literals.get(uri.substring(start, end));
            if (literal != null) {
                collect(literal, uri, end + 1, out);
            }
        }
        if (node.wildcard != null) {
            collect(node.wildcard, uri, end + 1, out);
        }
    }

    private static <V> @Nullable Entry<V> best(Node<V> node, String uri, int start) {
        if (start > uri.length()) {
            return node.entry;
        }
        int end = componentEnd(uri, start);
        if (node.literals != null) {
            Node<V> literal = node.literals.get(uri.substring(start, end));
            if (literal != null) {
                Entry<V> found = best(literal, uri, end + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return node.wildcard == null ? null : best(node.wildcard, uri, end + 1);
    }

    private static int componentEnd(String uri, int start) {
        int dot = uri.indexOf('.', start);
        return dot < 0 ? uri.length() : dot;
    }

    private static int componentCount(String uri) {
        int count = 1;
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '.') {
                count++;
            }
        }
        return count;
    }

    /** The components of {@code uri}, keeping empty ones at the start, in the middle and at the end. */
    private static List<String> components(String uri) {
        List<String> components = new ArrayList<>();
        int start = 0;
        int end;
        while ((end = uri.indexOf('.', start)) >= 0) {
            components.add(uri.substring(start, end));
            start = end + 1;
        }
        components.add(uri.substring(start));
        return components;
    }

    private static final class Node<V> {

        @Nullable Map<String, Node<V>> literals;
        @Nullable Node<V> wildcard;
        @Nullable Entry<V> entry;

        @Nullable Node<V> child(String component) {
            if (component.isEmpty()) {
                return wildcard;
            }
            return literals == null ? null : literals.get(component);
        }

        Node<V> childOrCreate(String component) {
            if (component.isEmpty()) {
                if (wildcard == null) {
                    wildcard = new Node<>();
                }
                return wildcard;
            }
            if (literals == null) {
                literals = new HashMap<>();
            }
            return literals.computeIfAbsent(component, c -> new Node<>());
        }

        void removeChild(String component) {
            if (component.isEmpty()) {
                wildcard = null;
            } else if (literals != null) {
                literals.remove(component);
                if (literals.isEmpty()) {
                    literals = null;
                }
            }
        }

        boolean isEmpty() {
            return entry == null && wildcard == null && literals == null;
        }

        int countNodes() {
            int count = 1;
            if (wildcard != null) {
                count += wildcard.countNodes();
            }
            if (literals != null) {
                for (Node<V> literal : literals.values()) {
                    count += literal.countNodes();
                }
            }
            return count;
        }
    }
}

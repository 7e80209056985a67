package dev.switchboard.wamp.matching;

import dev.switchboard.wamp.matching.UriPatternIndex.Entry;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The prefix patterns of a {@link UriPatternIndex}: a radix tree on characters, because WAMP prefix matching is a
 * plain string prefix, not a component prefix ({@code com.myapp} matches {@code com.myapp2.foo}).
 *
 * <p>Every node but the root has a non-empty edge label, and every node but the root without an entry has at least
 * two children; {@link #remove} merges and drops nodes to keep it so, so memory follows the live patterns, not the
 * churn. Children are kept in arrays sorted by the first character of their label.
 */
final class PrefixTrie<V> {

    private final Node<V> root = new Node<>("");
    private int size;

    int size() {
        return size;
    }

    @Nullable Entry<V> get(String prefix) {
        Node<V> node = find(prefix);
        return node == null ? null : node.entry;
    }

    /** Stores {@code entry} under its pattern's URI; returns the entry it replaced. */
    @Nullable Entry<V> put(Entry<V> entry) {
        String prefix = entry.pattern().uri();
        Node<V> node = root;
        int pos = 0;
        while (pos < prefix.length()) {
            char first = prefix.charAt(pos);
            Node<V> child = node.child(first);
            if (child == null) {
                Node<V> leaf = new Node<>(prefix.substring(pos));
                leaf.entry = entry;
                node.addChild(leaf);
                size++;
                return null;
            }
            int common = commonLength(child.label, prefix, pos);
            if (common < child.label.length()) {
                Node<V> split = new Node<>(child.label.substring(0, common));
                child.label = child.label.substring(common);
                split.addChild(child);
                node.replaceChild(first, split);
                child = split;
            }
            node = child;
            pos += common;
        }
        Entry<V> previous = node.entry;
        node.entry = entry;
        if (previous == null) {
            size++;
        }
        return previous;
    }

    /** Removes the entry stored under {@code prefix} and the nodes only it needed; returns that entry. */
    @Nullable Entry<V> remove(String prefix) {
        Node<V> grandparent = null;
        Node<V> parent = null;
        Node<V> node = root;
        int pos = 0;
        while (pos < prefix.length()) {
            Node<V> child = node.child(prefix.charAt(pos));
            if (child == null || !prefix.startsWith(child.label, pos)) {
                return null;
            }
            pos += child.label.length();
            grandparent = parent;
            parent = node;
            node = child;
        }
        Entry<V> removed = node.entry;
        if (removed == null) {
            return null;
        }
        node.entry = null;
        size--;
        if (parent != null) {
            if (node.childCount == 0) {
                parent.removeChild(node.label.charAt(0));
                if (grandparent != null && parent.entry == null && parent.childCount == 1) {
                    mergeWithOnlyChild(grandparent, parent);
                }
            } else if (node.childCount == 1) {
                mergeWithOnlyChild(parent, node);
            }
        }
        return removed;
    }

    /** The entry of the longest stored prefix of {@code uri}. */
    @Nullable Entry<V> longestMatch(String uri) {
        Entry<V> longest = root.entry;
        Node<V> node = root;
        int pos = 0;
        while (pos < uri.length()) {
            Node<V> child = node.child(uri.charAt(pos));
            if (child == null || !uri.startsWith(child.label, pos)) {
                break;
            }
            pos += child.label.length();
            node = child;
            if (node.entry != null) {
                longest = node.entry;
            }
        }
        return longest;
    }

    /** Adds the value of every stored prefix of {@code uri} to {@code out}, shortest prefix first. */
    void collectMatches(String uri, List<V> out) {
        Node<V> node = root;
        int pos = 0;
        while (true) {
            if (node.entry != null) {
                out.add(node.entry.value());
            }
            if (pos == uri.length()) {
                return;
            }
            Node<V> child = node.child(uri.charAt(pos));
            if (child == null || !uri.startsWith(child.label, pos)) {
                return;
            }
            pos += child.label.length();
            node = child;
        }
    }

    /** The number of nodes including the root, so tests can see that removal frees them. */
    int nodeCount() {
        return root.countNodes();
    }

    private @Nullable Node<V> find(String prefix) {
        Node<V> node = root;
        int pos = 0;
        while (pos < prefix.length()) {
            Node<V> child = node.child(prefix.charAt(pos));
            if (child == null || !prefix.startsWith(child.label, pos)) {
                return null;
            }
            pos += child.label.length();
            node = child;
        }
        return node;
    }

    /** Replaces {@code node}, which has no entry and one child, by that child with the joined label. */
    private static <V> void mergeWithOnlyChild(Node<V> parent, Node<V> node) {
        Node<V> only = node.children[0];
        only.label = node.label + only.label;
        parent.replaceChild(node.label.charAt(0), only);
    }

    private static int commonLength(String label, String key, int offset) {
        int max = Math.min(label.length(), key.length() - offset);
        int i = 0;
        while (i < max && label.charAt(i) == key.charAt(offset + i)) {
            i++;
        }
        return i;
    }

    private static final class Node<V> {

        private static final char[] NO_CHARS = {};
        private static final Node<?>[] NO_NODES = {};

        String label;
        @Nullable Entry<V> entry;
        char[] firsts = NO_CHARS;
        Node<V>[] children = noNodes();
        int childCount;

        Node(String label) {
            this.label = label;
        }

        @Nullable Node<V> child(char first) {
            int i = Arrays.binarySearch(firsts, 0, childCount, first);
            return i < 0 ? null : children[i];
        }

        void addChild(Node<V> child) {
            char first = child.label.charAt(0);
            int at = -Arrays.binarySearch(firsts, 0, childCount, first) - 1;
            if (childCount == firsts.length) {
                int capacity = Math.max(2, childCount * 2);
                firsts = Arrays.copyOf(firsts, capacity);
                children = Arrays.copyOf(children, capacity);
            }
            System.arraycopy(firsts, at, firsts, at + 1, childCount - at);
            System.arraycopy(children, at, children, at + 1, childCount - at);
            firsts[at] = first;
            children[at] = child;
            childCount++;
        }

        void replaceChild(char first, Node<V> child) {
            children[Arrays.binarySearch(firsts, 0, childCount, first)] = child;
        }

        void removeChild(char first) {
            int at = Arrays.binarySearch(firsts, 0, childCount, first);
            childCount--;
            System.arraycopy(firsts, at + 1, firsts, at, childCount - at);
            System.arraycopy(children, at + 1, children, at, childCount - at);
            children[childCount] = null;
            if (childCount == 0) {
                firsts = NO_CHARS;
                children = noNodes();
            }
        }

        @SuppressWarnings("unchecked")
        private static <V> Node<V>[] noNodes() {
            return (Node<V>[]) NO_NODES;
        }

        int countNodes() {
            int count = 1;
            for (int i = 0; i < childCount; i++) {
                count += children[i].countNodes();
            }
            return count;
        }
    }
}

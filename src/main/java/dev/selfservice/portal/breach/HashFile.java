package dev.selfservice.portal.breach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An offline breach list: a file of SHA-1 hashes in Have I Been Pwned's downloadable format ({@code HASH:COUNT}
 * lines, sorted by hash, CRLF or LF), searched where it lies by a binary search over byte offsets, so that a list of
 * tens of gigabytes costs a few small reads per password and no heap. Hand-written because nothing in the portal's
 * libraries searches a sorted text file on disk, and a database or an index library for one lookup per password change
 * would be more to run than these lines. Positional reads on one channel: safe from many threads at once.
 */
final class HashFile implements BreachList, AutoCloseable {

    /** Longest line read: 40 hex, a colon, a count, a line break. */
    private static final int LINE = 64;
    private static final int HASH = 40;

    private final Path path;
    private final FileChannel channel;

    HashFile(Path path) {
        this.path = path;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("the breach file " + path + " cannot be read", e);
        }
    }

    @Override
    public boolean contains(Sha1 hash) throws BreachListUnavailable {
        try {
            String line = find(hash.hex());
            // a line of count 0 (a padded range saved as a file) is no breach
            return line != null && !line.substring(HASH + 1).trim().equals("0");
        } catch (IOException | RuntimeException e) {
            throw new BreachListUnavailable("the breach file " + path + " could not be searched", e);
        }
    }

    /** The line of the hash, or null. Invariant: a line holding the hash, if any, starts in [lo, hi). */
    private String find(String hex) throws IOException {
        long lo = 0;
        long hi = channel.size();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            long start = lineStartFrom(mid);
            if (start < 0) {
                hi = mid; // no line starts at or after mid
                continue;
            }
            String line = lineAt(start);
            int cmp = line.length() < HASH ? 1 : line.substring(0, HASH).compareToIgnoreCase(hex);
            if (cmp == 0) {
                return line;
            }
            if (cmp < 0) {
                lo = start + line.length() + 1;
            } else {
                hi = mid; // lines starting in [mid, start) do not exist
            }
        }
        return null;
    }

    /** The first line start at or after {@code at}, or -1 when none. */
    private long lineStartFrom(long at) throws IOException {
        if (at == 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate(LINE);
        long from = at - 1;
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, from);
            if (read <= 0) {
                return -1;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    long start = from + i + 1;
                    return start < channel.size() ? start : -1;
                }
            }
            from += read;
        }
    }

    /** The line starting at {@code start}, without its line break (its length + 1 is where the next one starts). */
    private String lineAt(long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(LINE);
        int read = channel.read(buffer, start);
        int end = 0;
        while (end < Math.max(read, 0) && buffer.get(end) != '\n') {
            end++;
        }
        String line = new String(buffer.array(), 0, end, StandardCharsets.US_ASCII);
        // keep the '\r' of a CRLF line in the length, so that start + length + 1 is the next line; trim it for reading
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) + " " : line;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

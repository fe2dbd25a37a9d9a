package io.wiretag.pipeline.route;

import io.wiretag.alerts.WatchAlert;
import io.wiretag.lifecycle.Fingerprint;
import io.wiretag.story.Json;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits for a story's duplicate verdicts, in arrival order: the version being judged, then any later
 * version or kill of the same story that arrived meanwhile (they go on, in order, once the verdict is in).
 * A version is its card, its fingerprint and its JSON as it will be published, encoded once; a kill is the
 * kill story's JSON. Stored in {@link io.wiretag.pipeline.StateStores#PENDING}: the one store besides the
 * embargo whose purpose is the story.
 */
public record Pending(List<Item> items) {
    public sealed interface Item {
    }

    /** {@code watches}: the saved-watch alerts this version raises if it is published as an original. */
    public record Version(RouteCard card, Fingerprint fingerprint, byte[] json, List<WatchAlert> watches) implements Item {
        public Version {
            watches = List.copyOf(watches);
        }
    }

    public record Kill(byte[] json) implements Item {
    }

    public Pending {
        items = List.copyOf(items);
    }

    public Pending with(Item item) {
        List<Item> out = new ArrayList<>(items);
        out.add(item);
        return new Pending(out);
    }

    /**
     * The bytes of the store value, written into one array sized first: a parked story is ~10 KB, and a
     * growing stream copied it ~nine times and wrote its lengths a byte at a time (6 % of a stream thread's
     * samples in a profile of {@code bench pipeline}).
     */
    public byte[] encode() {
        List<byte[]> parts = new ArrayList<>();
        int size = 4;
        for (Item i : items) {
            size += 1;
            if (i instanceof Version v) {
                parts.add(Json.bytes(v.card()));
                parts.add(io.wiretag.pipeline.dedup.FingerprintCodec.encode(0, v.fingerprint().time(), v.fingerprint()));
                parts.add(v.json());
                size += 4;
                for (WatchAlert w : v.watches()) {
                    parts.add(Json.bytes(w));
                }
            } else if (i instanceof Kill k) {
                parts.add(k.json());
            }
        }
        for (byte[] b : parts) {
            size += 4 + b.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(items.size());
        int p = 0;
        for (Item i : items) {
            if (i instanceof Version v) {
                out.put((byte) 0);
                for (int k = 0; k < 3; k++) {
                    blob(out, parts.get(p++));
                }
                out.putInt(v.watches().size());
                for (int k = 0; k < v.watches().size(); k++) {
                    blob(out, parts.get(p++));
                }
            } else {
                out.put((byte) 1);
                blob(out, parts.get(p++));
            }
        }
        return out.array();
    }

    public static Pending decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int n = in.readInt();
            List<Item> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (in.readByte() == 0) {
                    RouteCard card = Json.read(blob(in), RouteCard.class);
                    Fingerprint f = io.wiretag.pipeline.dedup.FingerprintCodec.decode(blob(in)).fingerprint();
                    byte[] json = blob(in);
                    int w = in.readInt();
                    List<WatchAlert> watches = new ArrayList<>(w);
                    for (int k = 0; k < w; k++) {
                        watches.add(Json.read(blob(in), WatchAlert.class));
                    }
                    items.add(new Version(card, f, json, watches));
                } else {
                    items.add(new Kill(blob(in)));
                }
            }
            return new Pending(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void blob(ByteBuffer out, byte[] b) {
        out.putInt(b.length);
        out.put(b);
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}

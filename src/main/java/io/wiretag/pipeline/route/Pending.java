package io.wiretag.pipeline.route;

import io.wiretag.alerts.WatchAlert;
import io.wiretag.lifecycle.Fingerprint;
import io.wiretag.story.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(items.size());
            for (Item i : items) {
                if (i instanceof Version v) {
                    out.writeByte(0);
                    blob(out, Json.bytes(v.card()));
                    blob(out, io.wiretag.pipeline.dedup.FingerprintCodec.encode(0, v.fingerprint().time(), v.fingerprint()));
                    blob(out, v.json());
                    out.writeInt(v.watches().size());
                    for (WatchAlert w : v.watches()) {
                        blob(out, Json.bytes(w));
                    }
                } else if (i instanceof Kill k) {
                    out.writeByte(1);
                    blob(out, k.json());
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void blob(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}

package io.wiretag.serve;

import java.util.List;
import java.util.Optional;

/** Where a store's state lives when several instances share the work: this instance or another's HTTP address. */
public interface Placement {
    /** The {@code host:port} of the instance that holds {@code key} of {@code store}, or empty for this one. */
    Optional<String> ownerOf(String store, String key);

    /** The {@code host:port} of every other instance holding a part of {@code store}. */
    List<String> othersWith(String store);
}

package io.wiretag.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics wiretag needs that are missing, with partitions and replication from config and the
 * taxonomy topic compacted. It never deletes or alters a topic that exists.
 */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    /** Creates what is missing among {@code names}; returns the names it created. */
    public static List<String> ensure(Admin admin, Collection<String> names, String compactedTopic, int partitions, short replication) {
        return ensure(admin, names, List.of(compactedTopic), partitions, replication);
    }

    /** Creates what is missing among {@code names}, those in {@code compacted} compacted with one partition; returns the names it created. */
    public static List<String> ensure(Admin admin, Collection<String> names, Collection<String> compacted, int partitions, short replication) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    NewTopic t = new NewTopic(name, compacted.contains(name) ? 1 : partitions, replication);
                    if (compacted.contains(name)) {
                        t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(t);
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> created = new ArrayList<>();
            var result = admin.createTopics(missing);
            for (var e : result.values().entrySet()) {
                try {
                    e.getValue().get();
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + e.getKey() + ": " + ex.getCause().getMessage(), ex.getCause());
                    }
                    // created meanwhile by another instance: fine
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}

package io.wiretag.pipeline;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.alerts.QuietSettings;
import io.wiretag.alerts.SurgeSettings;
import io.wiretag.alerts.Watches;
import io.wiretag.config.WiretagConfig;
import java.nio.file.Path;

/**
 * The settings of the stages after the router: alert rules (breaking, surge, gone quiet, saved watches), trend
 * windows, and what the dashboard keeps.
 */
public record WatchSettings(AlertSettings alerts, SurgeSettings surge, QuietSettings quiet, Watches watches,
                            int storiesPerTopic, int alertsKept) {
    public WatchSettings {
        if (storiesPerTopic < 1 || alertsKept < 1) {
            throw new IllegalArgumentException("the dashboard must keep at least one story per topic and one alert");
        }
    }

    public static WatchSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }

    public static WatchSettings from(WiretagConfig c) {
        return new WatchSettings(AlertSettings.from(c), SurgeSettings.from(c), QuietSettings.from(c),
                Watches.load(Path.of(c.get(WiretagConfig.WATCHES_FILE))), c.getInt(WiretagConfig.DASHBOARD_STORIES),
                c.getInt(WiretagConfig.DASHBOARD_ALERTS));
    }

    public WatchSettings withWatches(Watches w) {
        return new WatchSettings(alerts, surge, quiet, w, storiesPerTopic, alertsKept);
    }
}

package io.wiretag.pipeline;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.config.WiretagConfig;

/** The settings of the stages after the router: alert rules, trend windows, and what the dashboard keeps. */
public record WatchSettings(AlertSettings alerts, int storiesPerTopic, int alertsKept) {
    public WatchSettings {
        if (storiesPerTopic < 1 || alertsKept < 1) {
            throw new IllegalArgumentException("the dashboard must keep at least one story per topic and one alert");
        }
    }

    public static WatchSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }

    public static WatchSettings from(WiretagConfig c) {
        return new WatchSettings(AlertSettings.from(c), c.getInt(WiretagConfig.DASHBOARD_STORIES), c.getInt(WiretagConfig.DASHBOARD_ALERTS));
    }
}

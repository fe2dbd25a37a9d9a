package io.wiretag.pipeline.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wiretag.story.Story;

/**
 * What the rendition join holds for one story id: an AP item waiting for its NITF rendition, or a rendition
 * waiting for its item (one of the two is null), and since when (wall-clock ms).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenditionWait(Story item, Story rendition, long sinceMs) {
}

package ch.mspguard.checklist;

import java.time.Instant;
import java.util.List;

/**
 * A light change with its causes in the reader's language, for pages and reports.
 *
 * @param at when
 * @param before the light before, or {@code null} at the tenant's first evaluation
 * @param after the light after
 * @param worsened whether the light got worse
 * @param causes why, one line per cause
 */
public record RenderedChange(Instant at, Light before, Light after, boolean worsened, List<String> causes) {
}

package com.partnerworkspace.workspace.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LayoutRulesTest {

    private static final Set<String> NOTHING_PINNED = Set.of();

    private static LayoutRequest.PlacedWidget entry(String widget, String size, Map<String, Object> settings) {
        return new LayoutRequest.PlacedWidget(widget, size, settings);
    }

    @Nested
    class Widgets {
        @Test
        void knownWidgetsInAnyOrderPass() {
            assertThat(LayoutRules.problems(
                            List.of(entry("audit", "S", Map.of()), entry("latency", "L", Map.of())), NOTHING_PINNED))
                    .isEmpty();
        }

        @Test
        void anUnknownWidgetIsNamedByItsPlace() {
            assertThat(LayoutRules.problems(
                            List.of(entry("audit", "S", Map.of()), entry("weather", "S", Map.of())), NOTHING_PINNED))
                    .containsOnlyKeys("layout[1].widget");
        }

        @Test
        void aWidgetAppearsOnce() {
            assertThat(LayoutRules.problems(
                            List.of(entry("audit", "S", Map.of()), entry("audit", "M", Map.of())), NOTHING_PINNED))
                    .containsEntry("layout[1].widget", "is on the workspace already");
        }

        @Test
        void aPinnedWidgetCannotBeLeftOut() {
            assertThat(LayoutRules.problems(List.of(entry("audit", "S", Map.of())), Set.of("login-health")))
                    .containsEntry("layout", "must keep login-health: ops pinned it");
        }
    }

    @Nested
    class SizesAndSettings {
        @Test
        void sizesAreSmallMediumOrLarge() {
            assertThat(LayoutRules.problems(List.of(entry("audit", "XL", Map.of())), NOTHING_PINNED))
                    .containsEntry("layout[0].size", "must be S, M or L");
        }

        @Test
        void aWindowIsOneOfThreeAndOnlyForWidgetsOverTime() {
            assertThat(LayoutRules.problems(List.of(entry("latency", "M", Map.of("window", "P1Y"))), NOTHING_PINNED))
                    .containsEntry("layout[0].settings.window", "must be one of PT24H, P7D, P30D");
            assertThat(LayoutRules.problems(List.of(entry("onboarding", "M", Map.of("window", "P7D"))), NOTHING_PINNED))
                    .containsEntry("layout[0].settings.window", "is not a setting of onboarding");
        }

        @Test
        void thresholdsAreNumbersWithinTheirBounds() {
            assertThat(LayoutRules.problems(
                            List.of(entry("latency", "M", Map.of("p95TargetMs", 250, "errorRateTarget", 0.01))),
                            NOTHING_PINNED))
                    .isEmpty();
            assertThat(LayoutRules.problems(
                            List.of(entry("broker-connections", "M", Map.of("warnHours", "soon"))), NOTHING_PINNED))
                    .containsEntry("layout[0].settings.warnHours", "must be a number from 1 to 720");
            assertThat(LayoutRules.problems(
                            List.of(entry("latency", "M", Map.of("errorRateTarget", 2))), NOTHING_PINNED))
                    .containsEntry("layout[0].settings.errorRateTarget", "must be a number from 0 to 1");
        }
    }

    @Test
    void settingsTextFromTheDecisionReadsNumbersAsNumbers() {
        assertThat(PersonaDefaults.settings("window=PT24H;p95TargetMs=200;errorRateTarget=0.005"))
                .containsExactly(
                        Map.entry("window", "PT24H"),
                        Map.entry("p95TargetMs", 200),
                        Map.entry("errorRateTarget", 0.005));
        assertThat(PersonaDefaults.settings("")).isEmpty();
    }
}

package io.auditflow.lifecycle;

import io.auditflow.IntegrationTest;

/** The calendar engine scenarios on the embedded default (H2). */
@IntegrationTest
class CalendarEngineTest extends CalendarEngineScenarios {
}

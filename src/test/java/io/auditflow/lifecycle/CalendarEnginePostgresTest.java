package io.auditflow.lifecycle;

import io.auditflow.PostgresIntegrationTest;

/** The same calendar engine scenarios on a real PostgreSQL. */
@PostgresIntegrationTest
class CalendarEnginePostgresTest extends CalendarEngineScenarios {
}

/** One control set for every framework: catalogues, the crosswalk, the organisation's controls, evidence reuse, the Statement of Applicability and joint audit planning. */
package io.auditflow.control;

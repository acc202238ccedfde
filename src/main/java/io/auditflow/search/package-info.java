/** Global search: one service that asks each feature's {@link io.auditflow.search.SearchProvider} for what the caller may see. */
package io.auditflow.search;

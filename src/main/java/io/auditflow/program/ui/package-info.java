/** Program list, program page and the program form. */
package io.auditflow.program.ui;

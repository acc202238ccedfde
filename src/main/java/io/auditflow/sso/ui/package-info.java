/** Screens of single sign-on and provisioning: the SCIM token an identity provider uses. */
package io.auditflow.sso.ui;

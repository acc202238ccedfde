/** Single sign-on through the company's OpenID Connect provider, and SCIM 2.0 provisioning of users and groups. */
package io.auditflow.sso;

package io.auditflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NIST SP 800-63B rules for new passwords (issue 10, finding 6). */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void password_itself_is_refused() {
        assertThat(policy.problems("kim", "password")).isNotEmpty();
    }

    @Test
    void eleven_characters_are_too_few_and_twelve_are_enough() {
        assertThat(policy.problems("kim", "abcdefghjkm")).anySatisfy(p -> assertThat(p).contains("at least 12"));
        assertThat(policy.problems("kim", "tulip-river7")).isEmpty();
    }

    @Test
    void up_to_128_characters_are_allowed() {
        assertThat(policy.problems("kim", "x".repeat(64) + "y".repeat(64))).isEmpty();
        assertThat(policy.problems("kim", "x".repeat(129))).anySatisfy(p -> assertThat(p).contains("at most 128"));
    }

    @Test
    void a_long_password_from_the_common_list_is_refused_whatever_its_case() {
        assertThat(policy.problems("kim", "qwerty123456")).containsExactly(
                "This password is on a list of common passwords; choose another");
        assertThat(policy.problems("kim", "QWERTY123456")).isNotEmpty();
    }

    @Test
    void the_user_name_inside_the_password_is_refused() {
        assertThat(policy.problems("kimberly", "my-name-is-kimberly")).contains("Do not use your user name in the password");
    }

    @Test
    void there_are_no_composition_rules() {
        assertThat(policy.problems("kim", "correct horse battery staple")).isEmpty();
        assertThat(policy.problems("kim", "onlylowercaseletters")).isEmpty();
    }
}

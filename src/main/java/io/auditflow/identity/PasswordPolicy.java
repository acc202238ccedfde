package io.auditflow.identity;

import io.auditflow.common.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.passay.DictionaryRule;
import org.springframework.stereotype.Component;

/**
 * New and changed passwords per NIST SP 800-63B section 5.1.1.2: 12 to 128 characters, not on a list
 * of common passwords, not the user name, and no composition rules. The list is
 * {@code security/common-passwords.txt}: the 10,000 most common passwords of zxcvbn's frequency
 * list (MIT licence; see docs/authentication.md).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

    private final PasswordValidator validator;

    PasswordPolicy() {
        WordListDictionary common;
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + COMMON_PASSWORDS);
            }
            common = new WordListDictionary(WordLists.createFromReader(
                    new InputStreamReader[] {new InputStreamReader(in, StandardCharsets.UTF_8)}, false, new ArraysSort()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + COMMON_PASSWORDS, e);
        }
        DictionaryRule notCommon = new DictionaryRule(common);
        validator = new PasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH), notCommon, new UsernameRule(true, true));
    }

    /** Plain-words reasons why the password may not be used, in English; empty when it may. */
    public List<String> problems(String username, String password) {
        return reasons(username, password).stream().map(Phrase::english).toList();
    }

    /**
     * The same reasons as bundle keys ({@code service.account.password*}) with their arguments, so
     * a screen words them in its reader's language. Passay only decides which rules fail (its error
     * codes); the words are ours, in the bundle, not Passay's MessageResolver texts (decision 0153).
     */
    public List<Phrase> reasons(String username, String password) {
        if (password == null || password.isEmpty()) {
            return List.of(Phrase.of("service.account.passwordMissing", MIN_LENGTH));
        }
        int length = password.codePointCount(0, password.length());
        List<Phrase> problems = new ArrayList<>();
        if (length < MIN_LENGTH) {
            problems.add(Phrase.of("service.account.passwordShort", MIN_LENGTH));
        } else if (length > MAX_LENGTH) {
            problems.add(Phrase.of("service.account.passwordLong", MAX_LENGTH));
        }
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username,
                password.toLowerCase(Locale.ROOT)));
        for (RuleResultDetail detail : result.getDetails()) {
            String code = detail.getErrorCode();
            if (code.startsWith("ILLEGAL_WORD")) {
                problems.add(Phrase.of("service.account.passwordCommon"));
            } else if (code.startsWith("ILLEGAL_USERNAME")) {
                problems.add(Phrase.of("service.account.passwordUsername"));
            }
        }
        return problems.stream().distinct().toList();
    }
}

package io.rigstream.odoo.sink.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest
    @CsvSource({
            "odoo.exceptions.AccessDenied, FATAL",
            "odoo.exceptions.AccessError, FATAL",
            "werkzeug.exceptions.Unauthorized, FATAL",
            "odoo.exceptions.ValidationError, POISON",
            "odoo.exceptions.UserError, POISON",
            "odoo.exceptions.MissingError, POISON",
            "builtins.ValueError, POISON",
            "psycopg2.errors.SerializationFailure, TRANSIENT",
            "psycopg2.pool.PoolError, TRANSIENT"})
    void odooErrorsAreClassifiedByTheExceptionTheyName(String name, ErrorKind kind) {
        assertThat(ErrorClassifier.ofOdooError(name, "x")).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"429, TRANSIENT", "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT", "408, TRANSIENT",
            "401, FATAL", "403, FATAL", "404, FATAL", "400, FATAL"})
    void statusesWithoutAnOdooErrorAreClassifiedByWhatARetryCanChange(int status, ErrorKind kind) {
        assertThat(ErrorClassifier.ofHttpStatus(status)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"builtins.Exception|could not serialize access due to concurrent update"})
    void concurrentUpdateConflictsAreTransientWhateverTheClass(String name, String message) {
        assertThat(ErrorClassifier.ofOdooError(name, message)).isEqualTo(ErrorKind.TRANSIENT);
    }
}

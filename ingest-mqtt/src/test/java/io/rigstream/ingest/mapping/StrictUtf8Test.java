package io.rigstream.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"ts\": 1}", "é", "€", "😀", "\u0080", "\u07FF", "\u0800", "\uFFFF",
            "\uD800\uDC00", "\uDBFF\uDFFF"})
    void wellFormedTextPasses(String text) {
        assertThat(StrictUtf8.firstInvalidByte(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lone continuation byte,     41 80,          1",
            "overlong slash (C0 AF),     41 C0 AF,       1",
            "overlong two-byte lead C1,  C1 BF,          0",
            "overlong three-byte,        E0 80 AF,       0",
            "overlong four-byte,         F0 80 80 AF,    0",
            "UTF-16 surrogate,           ED A0 80,       0",
            "above U+10FFFF,             F4 90 80 80,    0",
            "lead byte F5,               F5 80 80 80,    0",
            "byte FF,                    7B FF,          1",
            "truncated two-byte,         41 C3,          1",
            "truncated three-byte,       E2 82,          0",
            "truncated four-byte,        F0 9F 98,       0",
            "continuation missing,       C3 41,          0",
            "Latin-1 e acute,            22 E9 22,       1",
            "NUL byte,                   7B 00 7D,       1"})
    void malformedSequenceIsReportedAtItsFirstByte(String what, String hex, int offset) {
        assertThat(StrictUtf8.firstInvalidByte(bytes(hex))).isEqualTo(offset);
    }

    @Property
    void agreesWithTheJdksStrictDecoderExceptThatNulIsRefused(@ForAll @Size(max = 12) byte[] bytes) {
        boolean jdkAccepts = jdkDecodes(bytes) && !containsZero(bytes);

        assertThat(StrictUtf8.firstInvalidByte(bytes) < 0).isEqualTo(jdkAccepts);
    }

    /** Random bytes rarely form multi-byte sequences; these are the lead and continuation boundaries. */
    @Property
    void agreesWithTheJdksStrictDecoderOnSequenceBoundaries(@ForAll("boundaryBytes") byte[] bytes) {
        boolean jdkAccepts = jdkDecodes(bytes) && !containsZero(bytes);

        assertThat(StrictUtf8.firstInvalidByte(bytes) < 0).isEqualTo(jdkAccepts);
    }

    @Provide
    Arbitrary<byte[]> boundaryBytes() {
        return Arbitraries.of(0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF)
                .list().ofMaxSize(8)
                .map(values -> {
                    byte[] bytes = new byte[values.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) values.get(i);
                    }
                    return bytes;
                });
    }

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean containsZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}

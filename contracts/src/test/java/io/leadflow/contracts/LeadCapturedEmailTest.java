package io.leadflow.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture service accepts internationalised addresses (SMTPUTF8 local parts, IDN domains) and quoted
 * local parts, so LeadCaptured's email is an {@code idn-email} (RFC 6531), not an RFC 5321 {@code email}.
 * The contract validator also checks the top-level domain against the list it was built with: an address on
 * a newer or made-up TLD ({@code .tld}) fails the contract even though capture accepts it.
 */
class LeadCapturedEmailTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"ada@acme.com", "Ada@bücher.de", "jürgen@straße.de", "伊昭傑@郵件.中国", "юзер@екзампл.ком",
            "ιωάννης@εεττ.gr", "\"quoted local part\"@example.org", "\"quoted.with.at@\"@example.com",
            "user+mailbox/department=shipping@example.com", "ada@xn--bcher-kva.de"})
    void internationalisedAndQuotedAddressesSatisfyTheContract(String email) throws Exception {
        assertThat(EventContracts.violations("LeadCaptured", withEmail(email))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "ada@", "@acme.com"})
    void somethingThatIsNotAnAddressIsRejected(String email) throws Exception {
        assertThat(EventContracts.violations("LeadCaptured", withEmail(email))).anySatisfy(v -> assertThat(v).contains("email"));
    }

    private static String withEmail(String email) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadCaptured"));
        return event.put("email", email).toString();
    }
}

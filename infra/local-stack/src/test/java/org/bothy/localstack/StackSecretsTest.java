package org.bothy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each partner's referral key pair is generated once, kept owner-readable, and its halves belong together. */
class StackSecretsTest {

    @TempDir
    Path dir;

    @Test
    void aPartnersReferralKeysAreKeptAndOpenWhatTheirPublicHalfSealed() throws Exception {
        StackSecrets secrets = new StackSecrets(dir);
        StackSecrets.ReferralKeys moveOn = secrets.referralKeys("move-on");

        assertThat(new StackSecrets(dir).referralKeys("move-on")).isEqualTo(moveOn);
        assertThat(secrets.referralKeys("fresh-start").publicKey()).isNotEqualTo(moveOn.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("referral-move-on.keys"))))
                .isEqualTo("rw-------");

        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(moveOn.publicKey())));
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(moveOn.privateKey())));
        OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
        Cipher seal = Cipher.getInstance("RSA/ECB/OAEPPadding");
        seal.init(Cipher.ENCRYPT_MODE, publicKey, oaep);
        byte[] sealed = seal.doFinal("a key".getBytes());
        Cipher open = Cipher.getInstance("RSA/ECB/OAEPPadding");
        open.init(Cipher.DECRYPT_MODE, privateKey, oaep);
        assertThat(new String(open.doFinal(sealed))).isEqualTo("a key");
        assertThat(moveOn.toString()).doesNotContain(moveOn.privateKey());
    }
}

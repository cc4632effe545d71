import unittest

from scratchbird.scram import ScramClient, ScramError


class ScramRfc7677Test(unittest.TestCase):
    """The SCRAM-SHA-256 example exchange of RFC 7677 section 3 (also vector 03)."""

    SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"

    def client(self):
        return ScramClient("user", "pencil", "sha256", nonce="rOprNGfwEbeRWgbNEkqO")

    def test_messages_match_the_rfc(self):
        c = self.client()
        self.assertEqual("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", c.client_first())
        self.assertEqual("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                         "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", c.client_final(self.SERVER_FIRST))
        c.verify_server_final("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")

    def test_a_forged_server_signature_is_refused(self):
        c = self.client()
        c.client_final(self.SERVER_FIRST)
        with self.assertRaisesRegex(ScramError, "does not know the password"):
            c.verify_server_final("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")

    def test_a_server_nonce_that_does_not_extend_ours_is_refused(self):
        with self.assertRaisesRegex(ScramError, "does not extend"):
            self.client().client_final("r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")

    def test_missing_attributes_are_named(self):
        with self.assertRaisesRegex(ScramError, "lacks r, s or i"):
            self.client().client_final("r=rOprNGfwEbeRWgbNEkqOxyz,i=4096")

    def test_user_names_are_escaped(self):
        self.assertIn("n=a=3Db=2Cc,", ScramClient("a=b,c", "p", nonce="x").client_first())

package io.wiretag.formats.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wiretag.story.Revision;
import org.junit.jupiter.api.Test;

class RevisionsAndProvidersTest {
    @Test
    void apTakeKeysAfterTheCommaSayWhatTheVersionIs() {
        assertEquals(Revision.UPDATE, Revisions.fromSlugline("BC-US--Earns-Nutrisystem, 1st Ld-Writethru"));
        assertEquals(Revision.UPDATE, Revisions.fromSlugline("BC-EU--Talks, 2nd Ld"));
        assertEquals(Revision.CORRECTION, Revisions.fromSlugline("BC-US--Storm, Correction"));
        assertEquals(Revision.KILL, Revisions.fromSlugline("BC-US--Storm, Kill"));
        assertEquals(Revision.CORRECTION, Revisions.fromSlugline("USA-WEATHER/ (UPDATE 1, PIX, CORRECTED)"));
    }

    @Test
    void theSlugItselfIsNeverATakeKey() {
        assertNull(Revisions.fromSlugline("BC-US--Kill-Bill-Review"));
        assertNull(Revisions.fromSlugline("BC-US--Earns-Scripps Networks"));
    }

    @Test
    void reutersEdStatCodes() {
        assertEquals(Revision.NEW, Revisions.fromSignal("edStat:N"));
        assertEquals(Revision.UPDATE, Revisions.fromSignal("edStat:U"));
        assertEquals(Revision.CORRECTION, Revisions.fromSignal("edStat:C"));
        assertEquals(Revision.KILL, Revisions.fromSignal("edStat:D"));
        assertNull(Revisions.fromSignal("apsig:consumerready"));
    }

    @Test
    void killOutranksCorrectionOutranksUpdate() {
        assertEquals(Revision.KILL, Revisions.strongest(Revision.CORRECTION, Revision.KILL));
        assertEquals(Revision.CORRECTION, Revisions.strongest(Revision.CORRECTION, Revision.UPDATE));
        assertEquals(Revision.UPDATE, Revisions.strongest(null, Revision.UPDATE));
    }

    @Test
    void providerNamesFromGuidsDomainsAndNames() {
        assertEquals("reuters", Providers.fromGuid("tag:reuters.com,0000:newsml_L1N14N0FF"));
        assertEquals("ap", Providers.fromGuid("tag:ap.org,2011:5e56-text"));
        assertEquals("dpa", Providers.fromGuid("urn:newsml:dpa.com:20090101:240923-930-240378"));
        assertNull(Providers.fromGuid("BD-20160112123540"));
        assertEquals("wenn", Providers.normalize("http://feed.wenn.org/"));
        assertEquals("bbc", Providers.normalize("https://www.bbc.co.uk/news"));
        assertEquals("tass", Providers.normalize("www.itar-tass.com"));
        assertEquals("ap", Providers.normalize("The Associated Press"));
        assertEquals("dpa", Providers.normalize("dnlprov:dpa"));
    }
}

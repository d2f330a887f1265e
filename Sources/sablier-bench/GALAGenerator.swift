/// Writes a GALA calendar of N rules shaped like the real ones (Valcourt, UdeM): two copies,
/// fixed, 888 and 999 periods with their remarks, C/D/T dispositions, several classification codes.
enum GALAGenerator {
    static func calendar(rules: Int) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ROWSET>\n"
        xml.reserveCapacity(rules * 2_000)
        for index in 0..<rules {
            let number = "\(100 + index / 100).\(pad(index % 100))"
            let kind = index % 4
            let active = kind == 0 ? "888" : kind == 1 ? "999" : String(1 + index % 5)
            let activeRemark = kind <= 1 ? "R2" : ""
            let semi = String(index % 7)
            let disposition = ["C", "D", "T", "D"][index % 4]
            let dispositionRemark = disposition == "T" ? "R3" : ""
            xml += """
              <ROW>
                <ID_ORGANISME>12345</ID_ORGANISME>
                <NUMREGLE>\(number)</NUMREGLE>
                <TYPE_TRANS>A</TYPE_TRANS>
                <RECUEIL>MUN-2014</RECUEIL>
                <TITRESER>Série documentaire n° \(index) — dossiers &amp; rapports</TITRESER>
                <REFLEGALE>L.R.Q. C-47.1 art. \(index % 90)</REFLEGALE>
                <NO_RECUEIL>\(number)</NO_RECUEIL>
                <PROCACTIVI>Gestion des activités \(index % 13)</PROCACTIVI>
                <CODECLASS>A\(index % 26).10; A\(index % 26).20</CODECLASS>
                <NOMUNITE>Unité \(index % 9)</NOMUNITE>
                <DESCSERIE>Documents relatifs à la gestion, au suivi et aux échéanciers de l'activité \(index).</DESCSERIE>
                <TYPESDOC>Rapport, correspondance, procès-verbal</TYPESDOC>
                <DOCUMESSEN>N</DOCUMESSEN>
                <DOCUMCONFI>\(index % 3 == 0 ? "O" : "N")</DOCUMCONFI>
                <REMARQDELA>R1 : Disque réseau.
            R2 : Jusqu'au dénouement du dossier.
            R3 : Conserver les rapports annuels; éliminer les autres documents.</REMARQDELA>
                <REMARQGEN></REMARQGEN>
                <GRILLECHAN>N</GRILLECHAN>
                <DELAI>
                  <DELAI_ROW>
                    <NUMDELAI></NUMDELAI>
                    <NUMREGLE>\(number)</NUMREGLE>
                    <TYPEDOSS>P</TYPEDOSS>
                    <SUPPDOSS>PA, DM</SUPPDOSS>
                    <REM_SUPPDOSS>R1</REM_SUPPDOSS>
                    <PERIOACTIF>\(active)</PERIOACTIF>
                    <REM_PERIOACTIF>\(activeRemark)</REM_PERIOACTIF>
                    <PERIOSMACT>\(semi)</PERIOSMACT>
                    <REM_PERIOSMACT></REM_PERIOSMACT>
                    <ID_REF_DISPOSITION>\(disposition)</ID_REF_DISPOSITION>
                    <REM_DISPOINACT>\(dispositionRemark)</REM_DISPOINACT>
                  </DELAI_ROW>
                  <DELAI_ROW>
                    <NUMDELAI></NUMDELAI>
                    <NUMREGLE>\(number)</NUMREGLE>
                    <TYPEDOSS>S</TYPEDOSS>
                    <SUPPDOSS>PA, DM</SUPPDOSS>
                    <REM_SUPPDOSS>R1</REM_SUPPDOSS>
                    <PERIOACTIF>\(active)</PERIOACTIF>
                    <REM_PERIOACTIF>\(activeRemark)</REM_PERIOACTIF>
                    <PERIOSMACT>0</PERIOSMACT>
                    <REM_PERIOSMACT></REM_PERIOSMACT>
                    <ID_REF_DISPOSITION>D</ID_REF_DISPOSITION>
                    <REM_DISPOINACT></REM_DISPOINACT>
                  </DELAI_ROW>
                </DELAI>
              </ROW>

            """
        }
        xml += "</ROWSET>\n"
        return xml
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

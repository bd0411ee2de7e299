package pl.konwent.domain.shared;

import java.util.Arrays;

/** The sixteen Polish regions, identified by their two-digit TERYT code. */
public enum Voivodeship {
    DOLNOSLASKIE("02", "dolnośląskie"),
    KUJAWSKO_POMORSKIE("04", "kujawsko-pomorskie"),
    LUBELSKIE("06", "lubelskie"),
    LUBUSKIE("08", "lubuskie"),
    LODZKIE("10", "łódzkie"),
    MALOPOLSKIE("12", "małopolskie"),
    MAZOWIECKIE("14", "mazowieckie"),
    OPOLSKIE("16", "opolskie"),
    PODKARPACKIE("18", "podkarpackie"),
    PODLASKIE("20", "podlaskie"),
    POMORSKIE("22", "pomorskie"),
    SLASKIE("24", "śląskie"),
    SWIETOKRZYSKIE("26", "świętokrzyskie"),
    WARMINSKO_MAZURSKIE("28", "warmińsko-mazurskie"),
    WIELKOPOLSKIE("30", "wielkopolskie"),
    ZACHODNIOPOMORSKIE("32", "zachodniopomorskie");

    private final String teryt;
    private final String polishName;

    Voivodeship(String teryt, String polishName) {
        this.teryt = teryt;
        this.polishName = polishName;
    }

    public String teryt() {
        return teryt;
    }

    public String polishName() {
        return polishName;
    }

    public static Voivodeship ofTeryt(String code) {
        return Arrays.stream(values())
                .filter(v -> v.teryt.equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidValue("must be a two-digit TERYT voivodeship code (02, 04, … 32)"));
    }
}

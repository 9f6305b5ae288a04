package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.schemas.Location;

/** Maps a reading's {@code gps} object into a {@link Location}. */
final class LocationMapper {

    private static final String GPS = "gps";

    private LocationMapper() {
    }

    /** The location, or null when the reading has no {@code gps} or it carries nothing. */
    static Location map(JsonNode reading, FieldReader fields) {
        JsonNode gps = fields.object(reading, "", GPS);
        if (gps == null) {
            return null;
        }
        boolean hasLatitude = FieldReader.present(gps, "lat") != null;
        boolean hasLongitude = FieldReader.present(gps, "lon") != null;
        if (hasLatitude != hasLongitude) {
            fields.missing(GPS, hasLatitude ? "lon" : "lat",
                    hasLatitude ? " while gps.lat is present" : " while gps.lon is present");
        }
        Double latitude = fields.number(gps, GPS, "lat", ValueRange.LATITUDE);
        Double longitude = fields.number(gps, GPS, "lon", ValueRange.LONGITUDE);
        Double altitude = fields.number(gps, GPS, "alt", ValueRange.FINITE);
        Double speed = fields.number(gps, GPS, "speedKmh", ValueRange.NON_NEGATIVE);
        Double heading = fields.number(gps, GPS, "heading", ValueRange.HEADING);
        Double hdop = fields.number(gps, GPS, "hdop", ValueRange.NON_NEGATIVE);
        Integer satellites = fields.smallInteger(gps, GPS, "sats", ValueRange.NON_NEGATIVE_INT);
        if (latitude == null && longitude == null && altitude == null && speed == null
                && heading == null && hdop == null && satellites == null) {
            return null;
        }
        return new Location(latitude, longitude, altitude, speed, heading, hdop, satellites);
    }
}

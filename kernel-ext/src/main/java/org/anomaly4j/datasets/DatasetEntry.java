package org.anomaly4j.datasets;

/**
 * One row of the dataset manifest.
 *
 * @param name           short name used in notebooks, e.g. {@code "beehives/Hive17"}
 * @param file           path of the file relative to the data root ({@code $ANOMALY4J_DATA})
 * @param url            public URL the data comes from
 * @param sha256         sha256 of {@code file} exactly as stored under the data root
 * @param downloadSha256 sha256 of the downloaded bytes when they differ from {@code file} (e.g. the
 *                       stored file is a gzip of the download); empty otherwise
 * @param kind           {@code file} (download is the file), {@code gzip-of-download} (the stored file is
 *                       the download, gzipped) or {@code converted-from-npz} (the stored file was converted
 *                       from the download and cannot be fetched automatically)
 * @param rows           data rows, as the manifest states them
 * @param columns        columns, as the manifest states them
 * @param licence        licence of the data
 * @param citation       how to cite it
 */
public record DatasetEntry(String name, String file, String url, String sha256, String downloadSha256,
                           String kind, String rows, String columns, String licence, String citation) {

    /** Whether the file can be fetched from {@link #url()} and verified without conversion. */
    public boolean downloadable() {
        return !"converted-from-npz".equals(kind);
    }
}

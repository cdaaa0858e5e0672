package fr.quartiersproductifs.geography.locator;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * WGS84 ↔ projected coordinates of one {@link Zone}, with proj4j. The datums of the French
 * systems (RGF93, RGR92, RGAF09, RGFG95, RGM04) coincide with WGS84 to better than a metre, which
 * is what proj4j assumes here. proj4j transforms keep state, so each thread gets its own.
 */
public final class ZoneProjection {
  private static final CRSFactory CRS = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

  private final Zone zone;
  private final ThreadLocal<CoordinateTransform> forward;
  private final ThreadLocal<CoordinateTransform> inverse;
  private final ThreadLocal<ProjCoordinate[]> buffers =
      ThreadLocal.withInitial(() -> new ProjCoordinate[] {new ProjCoordinate(), new ProjCoordinate()});

  public ZoneProjection(Zone zone) {
    this.zone = zone;
    CoordinateReferenceSystem wgs84 = CRS.createFromName("EPSG:4326");
    CoordinateReferenceSystem projected = CRS.createFromName("EPSG:" + zone.epsg());
    this.forward = ThreadLocal.withInitial(() -> TRANSFORMS.createTransform(wgs84, projected));
    this.inverse = ThreadLocal.withInitial(() -> TRANSFORMS.createTransform(projected, wgs84));
  }

  public Zone zone() {
    return zone;
  }

  /** WGS84 longitude/latitude to projected x/y (metres), written into {@code out}. */
  public void toProjected(double lon, double lat, double[] out) {
    transform(forward.get(), lon, lat, out);
  }

  /** Projected x/y to WGS84 longitude/latitude, written into {@code out}. */
  public void toLonLat(double x, double y, double[] out) {
    transform(inverse.get(), x, y, out);
  }

  private void transform(CoordinateTransform t, double a, double b, double[] out) {
    ProjCoordinate[] buf = buffers.get();
    buf[0].x = a;
    buf[0].y = b;
    t.transform(buf[0], buf[1]);
    out[0] = buf[1].x;
    out[1] = buf[1].y;
  }

  /** A projected copy of a WGS84 geometry. */
  public Geometry project(Geometry wgs84) {
    Geometry copy = wgs84.copy();
    double[] out = new double[2];
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            toProjected(seq.getX(i), seq.getY(i), out);
            seq.setOrdinate(i, 0, out[0]);
            seq.setOrdinate(i, 1, out[1]);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    copy.setSRID(zone.epsg());
    return copy;
  }
}

package fr.quartiersproductifs.geography.io;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Makes area geometries valid without losing them: invalid polygons (self-intersections, bad ring
 * orientation, duplicate rings...) are repaired with JTS's {@link GeometryFixer} and the repair is
 * reported. A contour collapsed to a point or a line (as simplification does to very small areas)
 * cannot be repaired: it is kept as a point and flagged {@code degenerate}, so that the QPV stays
 * known and the locator can refuse to conclude near it. Only an empty geometry or one that is not
 * a polygon is refused.
 */
public final class GeometryRepair {
  private GeometryRepair() {}

  /**
   * @param geometry the valid (possibly repaired) areal geometry, or null when refused
   * @param repairNote what was wrong, when repaired
   * @param refusal why it was refused
   */
  public record Result(Geometry geometry, String repairNote, String refusal, boolean degenerate) {
    public boolean repaired() {
      return repairNote != null && !degenerate;
    }
  }

  public static Result repairArea(Geometry input) {
    if (input == null || input.isEmpty()) {
      return new Result(null, null, "géométrie vide", false);
    }
    if (!(input instanceof Polygon || input instanceof MultiPolygon)) {
      return new Result(
          null, null, "géométrie de type " + input.getGeometryType() + " (polygone attendu)", false);
    }
    IsValidOp op = new IsValidOp(input);
    TopologyValidationError error = op.getValidationError();
    if (error == null) {
      return new Result(input, null, null, false);
    }
    Geometry fixed = GeometryFixer.fix(input);
    fixed.setSRID(input.getSRID());
    if (fixed.isEmpty() || fixed.getDimension() != 2) {
      // Collapsed by simplification (e.g. a ring of three identical points): no area is left to
      // repair. Keep where it was, so that callers can refuse to conclude near it.
      Geometry where = input.getCentroid();
      if (where.isEmpty()) {
        where = input.getFactory().createPoint(input.getCoordinate());
      }
      where.setSRID(input.getSRID());
      return new Result(
          where,
          "contour dégénéré sans surface (" + error.getMessage() + ") : conservé comme point " + where,
          null,
          true);
    }
    String note =
        "polygone invalide réparé ("
            + error.getMessage()
            + " près de "
            + error.getCoordinate()
            + ") ; surface avant/après : "
            + String.format(java.util.Locale.ROOT, "%.3g/%.3g", input.getArea(), fixed.getArea());
    return new Result(fixed, note, null, false);
  }
}

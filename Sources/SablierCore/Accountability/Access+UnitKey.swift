extension Access {
    /// A unit as people write it, folded so that `RH` and ` rh ` are one: what `sameUnit`
    /// compares, and the key reports and notices group a unit's lines under.
    ///
    /// Why one function: a unit grouped one way in a report and compared another way for access
    /// would show a détenteur lines they may not reach, or split one unit in two.
    public static func unitKey(_ unit: String) -> String { unit.trimmingSpaces().lowercased() }
}

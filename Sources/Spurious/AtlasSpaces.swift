import LossModel

/// The atlas's default fixed spaces (issue 14): partition type with up to three paired blocks,
/// and each with one extra row-only block of size 1 (k = d + 1, where added neurons annihilate
/// minima; docs/design.md section 10).
public enum AtlasSpaces {
    /// The largest `--max-size`: 100 gives 2 x (1 + 100 + 2550) spaces, already far more than
    /// one machine surveys (the published minima reach m = 38).
    public static let maximumSize = 100

    /// `d`; `d-m,m` for 1 <= m <= maxSize; `d-m-j,m,j` for 1 <= j <= m, m + j <= maxSize (the
    /// blocks in canonical order, larger constant block first, so that each space appears once
    /// up to a permutation of its blocks); then each of these with `,1r` appended. In that
    /// order, which is the order of the atlas's summary.
    public static func defaults(maxSize: Int) -> [Partition] {
        precondition((1...maximumSize).contains(maxSize), "max size \(maxSize) outside 1...\(maximumSize)")
        var paired: [[Block]] = [[Block(size: .d, kind: .paired)]]
        for m in 1...maxSize {
            paired.append([block(dMinus: m), block(m)])
        }
        for m in 1...maxSize {
            for j in 1...m where m + j <= maxSize {
                paired.append([block(dMinus: m + j), block(m), block(j)])
            }
        }
        let extra = Block(size: .constant(1), kind: .rowsOnly)
        return (paired + paired.map { $0 + [extra] }).map(Partition.init(blocks:))
    }

    private static func block(dMinus n: Int) -> Block { Block(size: AffineSize(slope: 1, offset: -n), kind: .paired) }
    private static func block(_ n: Int) -> Block { Block(size: .constant(n), kind: .paired) }
}

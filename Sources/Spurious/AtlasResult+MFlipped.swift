import Families
import LossModel

extension AtlasResult {
    /// One family of the m-flipped table: in Fix(Delta(S_{d-m} x S_m)), the m-block's rows point
    /// away from their teachers (D1 < 0) and the (d-m)-block's towards theirs (D0 > 0).
    public struct MFlipped: Sendable {
        public let m: Int
        public let family: AtlasFamily

        public init(m: Int, family: AtlasFamily) {
            self.m = m
            self.family = family
        }
    }

    /// The m-flipped families the atlas found, by m, then in the summary's order (a space may
    /// hold more than one).
    public var mFlipped: [MFlipped] {
        families.compactMap { family -> MFlipped? in
            let blocks = family.partition.blocks
            guard blocks.count == 2, blocks.allSatisfy({ $0.kind == .paired }),
                  blocks[0].size.slope == 1, blocks[1].size.isConstant,
                  blocks[0].size.offset == -blocks[1].size.offset
            else { return nil }
            let space = FixedSpace(family.partition)
            let seed = family.family.seed.map(\.double)
            var signs: [Int: Bool] = [:]
            for (index, variable) in space.variables.enumerated() {
                if case let .diagonal(a) = variable { signs[a] = seed[index] < 0 }
            }
            guard signs[0] == false, signs[1] == true else { return nil }
            return MFlipped(m: blocks[1].size.offset, family: family)
        }.enumerated().sorted { $0.element.m != $1.element.m ? $0.element.m < $1.element.m : $0.offset < $1.offset }.map(\.element)
    }
}

import Foundation
import SwarmKernel

/// The open tasks a board lists, kept two ways: in listing order, oldest first (deferral drops the
/// oldest), and by difficulty class, so that a pick weighted by exp(-s d) costs O(classes) instead
/// of an exp per listed task, and taking a task off costs O(1) amortised instead of a shift.
///
/// A pick is exact rejection sampling: a class is chosen with probability proportional to its
/// number of tasks times the largest weight it can hold (that of its lower edge), a task uniformly
/// within it, and the task is accepted with probability its weight over that bound; otherwise all
/// three are drawn again. A task is therefore picked with probability w / (sum of w), the board's
/// rule. Difficulties lie in [0, 1] (decoding checks them) and s >= 0, so with classes 1/n wide a
/// try is accepted with probability at least exp(-s / n). The class count is capped (1,024), so
/// past s = 1,024 a try could almost never be accepted (exp(-977) at the schema's largest s): there
/// the pick scans every listed task instead, exact and O(n), rather than loop without end.
struct BoardListing {
    /// A listed task and the difficulty its weight depends on.
    private struct Member {
        let slot: Int32
        let difficulty: Double
    }

    /// Where a task slot sits: its index in `order`, its class and its index among the class's
    /// members (all -1 when it is not listed).
    private struct Place {
        var order: Int32
        var difficultyClass: Int32
        var member: Int32
        static let unlisted = Place(order: -1, difficultyClass: -1, member: -1)
    }

    /// Listed slots, oldest first, with -1 where a task has left; entries before `head` have all left.
    private var order: [Int32] = []
    private var head = 0
    /// Each difficulty class's tasks, in no particular order.
    private var classes: [[Member]]
    /// Each class's bound in the pick in progress (scratch kept so picks allocate nothing).
    private var bounds: [Double]
    /// Indexed by task slot.
    private var places: [Place] = []
    /// Tasks listed.
    private(set) var count = 0

    /// A listing for picks weighted by exp(-avoidanceStrength * rho * d), rho in [0, 1]: 4k classes
    /// (at least 1, at most 1,024) keep a try's acceptance above exp(-1/4) for k up to 256.
    init(avoidanceStrength: Double) {
        let classCount = min(1024, max(1, Int((4 * avoidanceStrength).rounded(.up))))
        classes = Array(repeating: [], count: classCount)
        bounds = Array(repeating: 0, count: classCount)
    }

    var isEmpty: Bool { count == 0 }

    /// The task listed longest ago, if any.
    var oldest: Int32? { head < order.count ? order[head] : nil }

    /// The listed tasks, oldest first (a copy, for checks and tests).
    var slots: [Int32] { order[head...].filter { $0 >= 0 } }

    func contains(_ slot: Int32) -> Bool {
        Int(slot) < places.count && places[Int(slot)].order >= 0
    }

    /// Lists `slot`, of difficulty `difficulty`, as the newest task.
    mutating func append(_ slot: Int32, difficulty: Double) {
        if Int(slot) >= places.count {
            places.append(contentsOf: repeatElement(.unlisted, count: Int(slot) + 1 - places.count))
        }
        let difficultyClass = min(classes.count - 1, max(0, Int(difficulty * Double(classes.count))))
        places[Int(slot)] = Place(order: Int32(order.count), difficultyClass: Int32(difficultyClass),
                                  member: Int32(classes[difficultyClass].count))
        order.append(slot)
        classes[difficultyClass].append(Member(slot: slot, difficulty: difficulty))
        count += 1
    }

    /// Takes listed task `slot` off the listing.
    mutating func remove(_ slot: Int32) {
        let place = places[Int(slot)]
        places[Int(slot)] = .unlisted
        order[Int(place.order)] = -1
        let difficultyClass = Int(place.difficultyClass)
        let last = classes[difficultyClass].removeLast()
        if last.slot != slot {
            classes[difficultyClass][Int(place.member)] = last
            places[Int(last.slot)].member = place.member
        }
        count -= 1
        while head < order.count && order[head] < 0 { head += 1 }
        if order.count > 32 && order.count > 2 * count { compact() }
    }

    /// Drops the holes left in `order` (each removal leaves one), keeping the order of the rest:
    /// O(count), run once the holes outnumber the tasks, so O(1) per removal amortised.
    private mutating func compact() {
        var kept = 0
        for index in head..<order.count where order[index] >= 0 {
            order[kept] = order[index]
            places[Int(order[kept])].order = Int32(kept)
            kept += 1
        }
        order.removeLast(order.count - kept)
        head = 0
    }

    /// A listed task drawn with probability proportional to exp(-avoidance * d), by rejection over
    /// the difficulty classes (see the type's comment). Does not take it off.
    /// - Precondition: the listing is not empty; avoidance >= 0.
    /// - Complexity: O(classes) per try; expected tries at most exp(avoidance / classes).
    mutating func pick(avoidance: Double, _ rng: inout Xoshiro256StarStar) -> Int32 {
        // Bounds relative to the first non-empty class (the largest weight), so none overflows.
        let classWidth = 1 / Double(classes.count)
        let ratio = exp(-avoidance * classWidth)
        var first = -1
        var last = 0
        var factor = 1.0
        var total = 0.0
        for index in classes.indices {
            let members = classes[index].count
            if first >= 0 { factor *= ratio } else if members > 0 { first = index }
            if members > 0 { last = index }
            bounds[index] = first >= 0 ? Double(members) * factor : 0
            total += bounds[index]
        }
        if avoidance * classWidth > 1 { return scanPick(avoidance: avoidance, from: first, to: last, &rng) }
        while true {
            var remaining = rng.nextUnit() * total
            var chosen = last
            for index in first...last {
                remaining -= bounds[index]
                if remaining < 0 {
                    chosen = index
                    break
                }
            }
            let members = classes[chosen]
            let member = members[rng.nextInt(below: members.count)]
            if avoidance == 0 { return member.slot }
            let aboveEdge = member.difficulty - Double(chosen) * classWidth
            if rng.nextUnit() < exp(-avoidance * aboveEdge) { return member.slot }
        }
    }

    /// The pick by a scan of every listed task in classes `first...last`, each weighted relative to
    /// the easiest (whose weight is 1, so the total never underflows to 0).
    private func scanPick(avoidance: Double, from first: Int, to last: Int, _ rng: inout Xoshiro256StarStar) -> Int32 {
        let easiest = classes[first].map(\.difficulty).min() ?? 0
        var total = 0.0
        for index in first...last {
            for member in classes[index] { total += exp(-avoidance * (member.difficulty - easiest)) }
        }
        var remaining = rng.nextUnit() * total
        var picked = classes[first][0].slot
        for index in first...last {
            for member in classes[index] {
                let weight = exp(-avoidance * (member.difficulty - easiest))
                guard weight > 0 else { continue }
                picked = member.slot
                remaining -= weight
                if remaining < 0 { return picked }
            }
        }
        return picked
    }
}

import SwarmExperiment

/// One commit of an observed log: when it was committed and how many files it touched.
public struct ObservedCommit: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let time: Int
    public let filesChanged: Int

    public init(time: Int, filesChanged: Int) {
        self.time = time
        self.filesChanged = filesChanged
    }
}

/// Reads a commit log: a CSV with one row per commit, sorted by commit time, with at least the
/// columns `committed_utc` (`2026-01-10T10:42:17Z`) and `files_changed` (README: "Calibrating to your
/// own swarm's git history" gives the `git log` command that writes one). Other columns are ignored.
public enum CommitLog {
    public static let timeColumn = "committed_utc"
    public static let filesColumn = "files_changed"

    /// The commits of `table`, refusing a missing column, a time that is not UTC ISO 8601 to the
    /// second, a time earlier than the row before (the log must be sorted), and a file count that is
    /// not a whole number of at least 0, each with its file, row and column.
    public static func commits(in table: CSVTable) throws(CSVInputError) -> [ObservedCommit] {
        let timePosition = try column(timeColumn, of: table)
        let filesPosition = try column(filesColumn, of: table)
        var commits: [ObservedCommit] = []
        commits.reserveCapacity(table.rows.count)
        for index in table.rows.indices {
            let cell = table.rows[index][timePosition]
            guard let time = secondsSince1970(utc: cell) else {
                throw .invalidCell(file: table.file, row: table.rowNumbers[index], column: timeColumn,
                                   requirement: "a UTC time written YYYY-MM-DDTHH:MM:SSZ", found: CSVInputError.found(cell))
            }
            if let previous = commits.last, time < previous.time {
                throw .invalidCell(file: table.file, row: table.rowNumbers[index], column: timeColumn,
                                   requirement: "at or after the previous row's time (the log must be sorted by commit time, oldest first)",
                                   found: CSVInputError.found(cell))
            }
            let files = try table.number(at: index, column: filesPosition, .integer(0...Int.max), emptyAllowed: false)!
            commits.append(ObservedCommit(time: time, filesChanged: Int(files)))
        }
        return commits
    }

    private static func column(_ name: String, of table: CSVTable) throws(CSVInputError) -> Int {
        guard let position = try table.position(of: name) else {
            throw .missingColumn(file: table.file, column: name, suggestion: nil, similar: [])
        }
        return position
    }

    /// `2026-01-10T10:42:17Z` as seconds since 1970 (proleptic Gregorian calendar, no leap
    /// seconds), or nil when the text is not exactly that form with valid fields. Parsed by hand, so
    /// that no locale, time zone or calendar setting of the machine can change it.
    static func secondsSince1970(utc text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        return daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds since 1970 written as `committed_utc` writes them (the inverse of parsing).
    public static func utcText(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)):\(two(secondOfDay % 60))Z"
    }
}

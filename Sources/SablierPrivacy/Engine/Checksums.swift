/// The Luhn (mod 10) check of social insurance numbers, business numbers and payment cards.
enum Luhn {
    /// True when the digits (values 0–9, most significant first) pass the Luhn check.
    static func isValid(_ digits: [UInt8]) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}

/// Civil-date plausibility for the dates inside identifiers, without a calendar library.
enum DateCheck {
    /// True when `day` exists in `month` (29 February is accepted: the year is often unknown).
    static func isPlausible(month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    static func isPlausible(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2100).contains(year), isPlausible(month: month, day: day) else { return false }
        if month == 2, day == 29 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
        return true
    }
}

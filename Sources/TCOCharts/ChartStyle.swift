/// The look shared by every chart: size, type, greys and series colours.
enum ChartStyle {
    /// Fixed size, so a memo, a workbook screenshot and a web page show the same picture.
    static let width = 720.0
    static let height = 360.0
    static let fontFamily = "Helvetica, Arial, sans-serif"

    static let ink = "#111827"
    static let mutedInk = "#4b5563"
    static let faintInk = "#6b7280"
    static let grid = "#e5e7eb"
    static let axis = "#9ca3af"
    static let background = "#ffffff"

    /// Okabe–Ito colours, told apart by readers with colour-blindness; the yellow is left out
    /// because it is unreadable on white; black comes fourth because orange and vermillion side
    /// by side were hard to tell apart.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#000000", "#CC79A7", "#56B4E9", "#D55E00"]

    /// The colour of series `index`, the same in every chart so a strategy keeps its colour.
    static func color(_ index: Int) -> String { palette[index % palette.count] }

    /// Past the palette, lines are dashed so that two series never look the same.
    static func dash(_ index: Int) -> String? {
        switch index / palette.count {
        case 0: nil
        case 1: "6 4"
        default: "2 3"
        }
    }

    /// Width of `text` in pixels at `size`, estimated from character classes (no font metrics
    /// without I/O); errs wide for Helvetica and Arial, so laid-out labels do not overlap.
    static func textWidth(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "j", "l", "I", "!", "|", ".", ",", ":", ";", "'": ems += 0.3
            case "f", "t", "r", " ", "-", "(", ")", "[", "]", "/": ems += 0.38
            case "m", "w", "M", "W", "@", "%", "—", "…": ems += 0.9
            case _ where character.isUppercase: ems += 0.7
            default: ems += 0.58
            }
        }
        return ems * size
    }
}

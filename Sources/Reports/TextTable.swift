/// A plain-text table with aligned columns, for listings such as `rules list`. The last
/// column is not padded, so long titles or bases do not leave trailing blanks.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let columns = header.count
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var text = ""
        for row in all {
            let cells = row.enumerated().map { index, cell in
                index < columns - 1 ? ReportText.pad(cell, widths[index] + 2) : cell
            }
            text += cells.joined() + "\n"
        }
        return text
    }
}

import TovCore

/// What a key asks for, whatever key it was: `update` handles actions, and the help screen lists them.
public enum Action: Hashable, Sendable, CaseIterable {
    case nextPane, previousPane
    case calendarPane, eventsPane, dialoguePane, peoplePane
    case up, down, left, right
    case previousMonth, nextMonth
    case today, goToDate
    case open, add, edit, delete
    case toggleAgendaSpan
    case search
    case undo, redo
    case topicUp, topicDown, pinTopic, requestTopic, withdrawTopic, nextTopic, fillTopics
    case markAttendance, exportAttendance
    case addAway
    case writeReport, copyEvent, coverage
    case help, switchLanguage, quit

    /// What the action does, for the help screen.
    public func summary(in language: Language) -> String {
        let (mn, en): (String, String) = switch self {
        case .nextPane: ("Дараагийн хэсэг", "Next pane")
        case .previousPane: ("Өмнөх хэсэг", "Previous pane")
        case .calendarPane: ("Хуанли", "Calendar")
        case .eventsPane: ("Арга хэмжээ", "Events")
        case .dialoguePane: ("Яриа хэлэлцээ", "Dialogue")
        case .peoplePane: ("Хүмүүс, байгууллага", "People and organisations")
        case .up: ("Дээш", "Up")
        case .down: ("Доош", "Down")
        case .left: ("Зүүн тийш", "Left")
        case .right: ("Баруун тийш", "Right")
        case .previousMonth: ("Өмнөх сар", "Previous month")
        case .nextMonth: ("Дараагийн сар", "Next month")
        case .today: ("Өнөөдөр", "Today")
        case .goToDate: ("Огноо руу очих", "Go to a date")
        case .open: ("Нээх (Яриа хэлэлцээнд: уулзалт)", "Open (in Dialogue: a meeting)")
        case .add: ("Нэмэх", "Add")
        case .edit: ("Засах", "Edit")
        case .delete: ("Устгах (асууна, буцаах боломжтой)", "Delete (asks; can be undone)")
        case .toggleAgendaSpan: ("Өдөр / долоо хоног / сарын жагсаалт", "Day, week or month list")
        case .search: ("Хайх", "Search")
        case .undo: ("Буцаах", "Undo")
        case .redo: ("Дахин хийх", "Redo")
        case .topicUp: ("Сэдвийг дараалалд дээшлүүлэх (Яриа хэлэлцээ)", "Move the topic up the queue (Dialogue)")
        case .topicDown: ("Сэдвийг дараалалд доошлуулах (Яриа хэлэлцээ)", "Move the topic down the queue (Dialogue)")
        case .pinTopic: ("Сэдвийг эхэнд тогтоох / болиулах", "Pin or unpin the topic")
        case .requestTopic: ("Байгууллагын хүсэлт нэмэх", "Add an organisation's request for the topic")
        case .withdrawTopic: ("Сэдвийг татах", "Withdraw the topic")
        case .nextTopic: ("Дарааллын эхний сэдвийг дараагийн уулзалтад", "Head of the queue to the next meeting without a topic")
        case .fillTopics: ("Ирэх 12 сарын уулзалт бүрт сэдэв өгөх", "Give every meeting of the next 12 months a topic")
        case .markAttendance: ("Ирцийг тэмдэглэх: уригдсан → бүртгүүлсэн → ирсэн → ирээгүй → чөлөөтэй", "Mark attendance: invited → registered → attended → absent → excused")
        case .exportAttendance: ("Ирцийн жагсаалтыг CSV болгон хадгалах", "Save the attendance list as CSV")
        case .addAway: ("Хүний завгүй өдрүүд нэмэх (Хүмүүс)", "Add days a person is away (People)")
        case .writeReport: ("Уулзалт, өдөрлөг дээр: болсны дараах тайлан", "In a meeting or SA Day: the report after the day")
        case .copyEvent: ("Уулзалт, өдөрлөг дээр: шинэ огноонд хуулах", "In an SA Day: copy it to a new date as a template")
        case .coverage: ("НЭХ өдөрлөгийн хамрах хүрээ: аймаг, дүүргээр", "SA Day coverage: which aimags and districts have one")
        case .help: ("Тусламж", "Help")
        case .switchLanguage: ("Хэл солих (MN/EN)", "Switch language (MN/EN)")
        case .quit: ("Гарах", "Quit")
        }
        return language == .mn ? mn : en
    }
}

#include "tools/edutatar-sim/sim_pupil.hpp"

#include <cstdio>

namespace jb::edutatar_sim {
namespace {

std::string head(const std::string& title, const std::string& charset) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"" + charset + "\"><title>" + title + "</title></head>\n<body>\n";
}
const char* kFoot = "</body></html>\n";

std::string td(const std::string& text) { return "<td>" + text + "</td>"; }

std::string average(const std::vector<std::string>& marks) {
    if (marks.empty()) return "";
    int sum = 0;
    for (const auto& mark : marks) sum += std::stoi(mark);
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(sum) / static_cast<double>(marks.size()));
    return text;
}

const char* kMonthsNominative[] = {"Январь", "Февраль", "Март",     "Апрель",  "Май",    "Июнь",
                                   "Июль",   "Август",  "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
const char* kMonthsGenitive[] = {"Января", "Февраля", "Марта",    "Апреля",  "Мая",    "Июня",
                                 "Июля",   "Августа", "Сентября", "Октября", "Ноября", "Декабря"};

// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
void civil_from_days(long long z, int& y, int& m, int& d) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

SimLesson lesson(int month, int day, std::string short_subject, std::string full_subject, std::string mark,
                 std::vector<std::string> titles = {}, std::string task = "") {
    SimLesson l;
    l.month = month;
    l.day = day;
    l.short_subject = std::move(short_subject);
    l.full_subject = std::move(full_subject);
    l.mark = std::move(mark);
    l.titles = std::move(titles);
    l.task = std::move(task);
    if (l.mark == "б") l.comment = "Болел";
    return l;
}

}  // namespace

SimPupil make_pupil(int year, const std::string& login) {
    SimPupil pupil;
    pupil.year = year;
    pupil.login = login;
    const std::string m = "Математика", r = "Русский язык", f = "Физическая культура";
    // Three lessons a day; the first page of diary.xml runs from January into February.
    pupil.lessons = {
        lesson(1, 30, "Матем.", m, "5", {"Ответ на уроке"}, "п.12, вопросы 1-3; № 45"),
        lesson(1, 30, "Рус.яз.", r, "4/5", {"Диктант", "Ответ на уроке"}),
        lesson(1, 30, "Физ-ра", f, ""),
        lesson(1, 31, "Матем.", m, "н"),
        lesson(1, 31, "Рус.яз.", r, "", {}, "упр. 120"),
        lesson(1, 31, "Физ-ра", f, "5", {"Норматив"}),
        lesson(2, 1, "Матем.", m, "4", {"Самостоятельная работа"}),
        lesson(2, 1, "Рус.яз.", r, "б"),
        lesson(2, 1, "Физ-ра", f, ""),
        lesson(2, 2, "Матем.", m, "3", {"Контрольная работа"}),
        lesson(2, 2, "Рус.яз.", r, "5", {"Ответ на уроке"}),
        lesson(2, 2, "Физ-ра", f, ""),
    };
    auto row = [](std::string subject, std::vector<std::string> marks, std::string final_mark, int id) {
        return SimTerm::Row{std::move(subject), std::move(marks), std::move(final_mark), id};
    };
    pupil.terms = {
        SimTerm{{row(m, {"5", "4"}, "5", 501), row(r, {"4"}, "4", 502), row(f, {"5"}, "5", 503)}},
        SimTerm{{row(m, {"3", "4", "5"}, "4", 501), row(r, {"5", "5"}, "5", 502), row(f, {}, "", 503)}},
        SimTerm{{row(m, {"5", "4", "3"}, "4", 501), row(r, {"4", "5", "5"}, "5", 502), row(f, {"5"}, "5", 503)}},
        SimTerm{{row(m, {}, "", 501), row(r, {}, "", 502), row(f, {}, "", 503)}},
    };
    return pupil;
}

std::string diary_xml(const SimPupil& pupil) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<diary active=\"3\">\n";
    // Half-weeks of three days; a page keeps the month of its first day.
    std::vector<std::pair<int, int>> days;
    for (const auto& l : pupil.lessons)
        if (days.empty() || days.back() != std::pair{l.month, l.day}) days.emplace_back(l.month, l.day);
    for (std::size_t first = 0; first < days.size(); first += 3) {
        xml += "  <page month=\"" + std::string(kMonthsNominative[days[first].first - 1]) + "\">\n";
        for (std::size_t i = first; i < days.size() && i < first + 3; ++i) {
            std::string classes, tasks, marks;
            for (const auto& l : pupil.lessons) {
                if (std::pair{l.month, l.day} != days[i]) continue;
                classes += "<class>" + l.short_subject + "</class>";
                tasks += "<task>" + l.task + "</task>";
                marks += "<marks>" + l.mark + "</marks>";
            }
            classes += "<class></class>";  // an empty fourth slot
            tasks += "<task></task>";
            marks += "<marks></marks>";
            xml += "    <day date=\"" + std::to_string(days[i].second) + "\">\n      <classes>" + classes +
                   "</classes>\n      <tasks>" + tasks + "</tasks>\n      <marks>" + marks + "</marks>\n    </day>\n";
        }
        xml += "  </page>\n";
    }
    return xml + "</diary>\n";
}

std::string term_page(const SimPupil& pupil, int term, Layout layout, const std::string& charset) {
    const SimTerm& sheet = pupil.terms.at(static_cast<std::size_t>(term - 1));
    std::size_t columns = 1;
    for (const auto& row : sheet.rows) columns = std::max(columns, row.marks.size());
    if (layout == Layout::y2022) columns = 25;
    bool y2019 = layout == Layout::y2019;
    std::string page = head("Табель", charset) + "<p>Учащийся: <strong>" + pupil.name + "</strong>, Класс: " +
                       pupil.class_name + "</p>\n<form action=\"/user/diary/term\" method=\"post\"> Период:\n  <select id=\"term\" name=\"term\">\n";
    for (int t = 1; t <= 4; ++t)
        page += "    <option value=\"" + std::to_string(t) + "\"" + (t == term ? " selected = \"selected\"" : "") + ">" +
                std::to_string(t) + "&nbsp;четверть</option>\n";
    page += "    <option value=\"year\">Год</option></select> <input type=\"submit\" value=\"Показать\" /></form>\n";
    page += "<table class=\"table term-marks\">\n <thead><tr><td>Предмет</td><td colspan=\"" + std::to_string(columns) +
            "\">Оценки</td><td width=\"60px\">Средний <br/>балл</td>";
    std::string peers = "<td>Средний <br/>по классу</td><td>Средний <br/>по параллели</td>";
    page += y2019 ? peers : "\n   <!-- " + peers + " -->\n   ";
    page += "<td>График</td><td>Итоговая оценка</td></tr></thead>\n <tbody>\n";
    std::vector<std::string> all;
    for (const auto& row : sheet.rows) {
        page += "  <tr>" + td(row.subject);
        for (std::size_t i = 0; i < columns; ++i) page += td(i < row.marks.size() ? row.marks[i] : "");
        page += td(average(row.marks));
        page += y2019 ? "<td></td><td></td>" : "<!-- <td></td><td></td> -->";
        page += row.marks.empty() ? "<td></td>"
                                  : "<td><a class=\"fancybox\" href=\"/user/diary/chart?school_subject_id=" +
                                        std::to_string(row.subject_id) + "&amp;term=" + std::to_string(term) + "\">просмотр</a></td>";
        page += td(row.final_mark) + "</tr>\n";
        all.insert(all.end(), row.marks.begin(), row.marks.end());
    }
    page += "  <tr><td colspan=\"" + std::to_string(columns + 1) + "\"><strong>ИТОГО</strong></td>" + td(average(all));
    page += y2019 ? "<td>0</td><td>0</td>" : "<!-- <td>0</td><td>0</td> -->";
    page += "<td><a class=\"fancybox\" href=\"/user/diary/chart?term=" + std::to_string(term) + "\">просмотр</a></td>";
    page += td(y2019 ? "-" : average(all)) + "</tr>\n </tbody></table>\n";
    return page + kFoot;
}

std::string year_page(const SimPupil& pupil, const std::string& charset) {
    std::string page = head("Итоговые оценки", charset) + "<p>Учащийся: <strong>" + pupil.name + "</strong>, Класс: " +
                       pupil.class_name + "</p>\n<form action=\"/user/diary/year?term=year\" method=\"post\"></form>\n";
    page += "<table class=\"table\">\n <thead><tr><td>Предмет</td>";
    for (int t = 1; t <= 4; ++t) page += td(std::to_string(t) + " четверть");
    page += "<td>Экзамен</td><td>Годовая оценка</td></tr></thead>\n <tbody>\n";
    for (std::size_t s = 0; s < pupil.terms[0].rows.size(); ++s) {
        page += "  <tr>" + td(pupil.terms[0].rows[s].subject);
        std::string year_mark;
        for (const auto& term : pupil.terms) {
            page += td(term.rows[s].final_mark);
            if (!term.rows[s].final_mark.empty()) year_mark = term.rows[s].final_mark;
        }
        page += td("") + td(year_mark) + "</tr>\n";
    }
    return page + " </tbody></table>\n" + kFoot;
}

std::string profile_page(const SimPupil& pupil, const std::string& charset) {
    return head("Моя анкета — Электронное образование", charset) +
           "<div class=\"container\"><h2>Моя анкета</h2>\n<table class=\"tableEx\">\n"
           " <tr><td>Имя:</td><td><strong>" + pupil.name + "</strong></td></tr>\n"
           " <tr><td>Логин:</td><td>" + pupil.login + "</td></tr>\n"
           " <tr><td rowspan=\"1\">Школа</td><td>" + pupil.school + "</td></tr>\n"
           " <tr><td>Класс:</td><td>" + pupil.class_name + "</td></tr>\n"
           " <tr><td>Должность:</td><td>Ученик</td></tr>\n"
           " <tr><td>Дата рождения:</td><td>03.05.2010</td></tr>\n"
           " <tr><td>Пол:</td><td>женский</td></tr>\n</table></div>\n<a href=\"/logoff\">Выход</a>\n" + kFoot;
}

std::string day_page(const SimPupil& pupil, long long for_seconds, const std::string& charset) {
    int y = 0, m = 0, d = 0;
    civil_from_days((for_seconds + 3 * 3600) / 86400, y, m, d);
    std::string page = head("Дневник", charset) + "<div class=\"xdiary\">\n  <div class=\"dsw\"><table><tr>\n"
                       "    <td class=\"d-date\"><span>" + std::to_string(d) + " " + kMonthsGenitive[m - 1] + " " +
                       std::to_string(y) + " г.</span></td></tr></table></div>\n";
    std::string rows;
    int slot = 0;
    for (const auto& l : pupil.lessons) {
        if (l.month != m || l.day != d || y != pupil.year + 1) continue;
        ++slot;
        std::string marks;
        if (!l.titles.empty()) {
            marks = "<table class=\"marks\"><tr>";
            std::size_t at = 0;
            for (const auto& title : l.titles) {
                std::size_t slash = l.mark.find('/', at);
                marks += "<td title=\"" + title + "\"><div>" + l.mark.substr(at, slash - at) + "</div></td>";
                at = slash == std::string::npos ? l.mark.size() : slash + 1;
            }
            marks += "</tr></table>";
        }
        rows += "      <tr style=\"text-align: center;\">\n        <td>" + std::to_string(7 + slot) + ":00<br/>&mdash;<br/>" +
                std::to_string(7 + slot) + ":45</td>\n        <td>" + l.full_subject + "</td>\n        <td><p>" + l.task +
                "</p></td>\n        <td><i>" + (l.comment.empty() ? " " : l.comment) + "</i></td>\n        <td>" + marks +
                "</td>\n      </tr>\n";
    }
    if (rows.empty()) return page + "  <p>Расписание не найдено</p>\n</div>\n" + kFoot;
    page += "  <div class=\"d-table\"><table class=\"main\">\n    <thead><tr style=\"text-align: center;\"><td>Время</td>"
            "<td>Предмет</td><td>Что задано</td><td>Комментарий</td><td>Оценка</td></tr></thead>\n    <tbody>\n" +
            rows + "    </tbody></table></div></div>\n";
    return page + kFoot;
}

std::string login_page(bool old_form, const std::string& alert, const std::string& charset) {
    std::string suffix = old_form ? "" : "2";
    return head("Вход — Электронное образование", charset) + "<div class=\"inner\"><h3>Выберите дальнейшее действие</h3>\n" +
           (alert.empty() ? "" : "<div class=\"alert alert-danger\">" + alert + "</div>\n") +
           "<form method=\"post\" action=\"/logon\">\n <input type=\"text\" name=\"main_login" + suffix +
           "\" />\n <input type=\"password\" name=\"main_password" + suffix + "\" />\n <input type=\"submit\" value=\"Войти\" />\n</form></div>\n" +
           kFoot;
}

}  // namespace jb::edutatar_sim

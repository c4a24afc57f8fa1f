#include "adapters/bars/bars_index.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "adapters/bars/bars_text.hpp"
#include "core/subject_names.hpp"

namespace jb::bars {

void CaptureIndex::note_started(const std::string& started, const std::string& host) {
    if (first_started_.empty()) first_started_ = started;
    if (host_.empty()) host_ = host;
}

ChildInfo& CaptureIndex::child_slot(const std::string& id) {
    ChildInfo& info = children_[id];
    info.id = id;
    return info;
}

void CaptureIndex::add_person_data(std::size_t entry, const json& doc) {
    const json& listed = array_at(doc, "children_persons");
    std::string selected = text_at(doc, "selected_pupil_id");
    auto fill = [](std::string& slot, const std::string& value) {
        if (!value.empty()) slot = value;
    };
    for (const auto& person : listed) {
        const std::string id = text_at(person, "person_id");
        if (id.empty()) continue;
        ChildInfo& info = child_slot(id);
        fill(info.full_name, clean_text(text_at(person, "fullname")));
        fill(info.school, clean_text(text_at(person, "school")));
        fill(info.class_name, clean_text(text_at(person, "classyear")));
    }
    const bool parent = !listed.empty();
    if (parent) {
        fill(parent_id_, text_at(doc, "auth_user_profile_id"));
        fill(parent_name_, clean_text(text_at(doc, "user_fullname")));
    }
    if (selected.empty() && !parent) selected = text_at(doc, "auth_user_profile_id");
    if (selected.empty()) return;
    ChildInfo& info = child_slot(selected);
    fill(info.full_name, clean_text(text_at(doc, "selected_pupil_name")));
    if (!parent) fill(info.full_name, clean_text(text_at(doc, "user_fullname")));
    fill(info.school, clean_text(text_at(doc, "selected_pupil_school")));
    fill(info.class_name, clean_text(text_at(doc, "selected_pupil_classyear")));
    selections_.emplace_back(entry, selected);
}

void CaptureIndex::add_set_child(std::size_t entry, const std::string& child_id) {
    if (!child_id.empty()) selections_.emplace_back(entry, child_id);
}

void CaptureIndex::add_class_info(std::size_t entry, const json& doc) {
    const std::string grade = clean_text(text_at(doc, "study_level"));
    const std::string letter = clean_text(text_at(doc, "letter"));
    if (!grade.empty()) pending_classes_.push_back({entry, grade + letter});
    if (auto master = clean_text(text_at(doc, "form_master")); !master.empty()) staff_.push_back(master);
}

void CaptureIndex::add_school_info(const json& doc) {
    for (const auto& employee : array_at(doc, "employees"))
        if (auto name = clean_text(text_at(employee, "fullname")); !name.empty()) staff_.push_back(name);
}

void CaptureIndex::add_rest_login(const json& doc) {
    const json& childs = array_at(doc, "childs");  // [[id, name, school], …]
    for (const auto& item : childs) {
        const std::string id = text_of(element(item, 0));
        if (id.empty()) continue;
        ChildInfo& info = child_slot(id);
        if (auto name = clean_text(text_of(element(item, 1))); !name.empty()) info.full_name = name;
        if (auto school = clean_text(text_of(element(item, 2))); !school.empty()) info.school = school;
    }
    const std::string id = text_at(doc, "id");
    const std::string name = clean_text(text_at(doc, "fio"));
    if (childs.empty()) {
        if (!id.empty() && !name.empty()) child_slot(id).full_name = name;
        return;
    }
    if (!id.empty()) parent_id_ = id;
    if (!name.empty()) parent_name_ = name;
}

void CaptureIndex::add_diary(std::size_t entry, const std::string& child_id, const std::vector<DiaryLesson>& lessons) {
    for (const auto& lesson : lessons) {
        PendingDiary note{entry, child_id, lesson.date, SubjectNames::standard().canonical(lesson.discipline),
                          {lesson.number, lesson.start_time}, {}};
        for (const auto& cell : lesson.marks)
            for (auto& value : mark_values(cell.value)) note.marks.push_back(std::move(value));
        pending_diary_.push_back(std::move(note));
    }
}

std::string CaptureIndex::day_key(const std::string& child, const std::string& date, const std::string& subject) {
    return child + '\x1f' + date + '\x1f' + subject;
}

void CaptureIndex::finish() {
    for (const auto& pending : pending_classes_) {
        const ChildInfo* selected = child_at(pending.entry);
        if (selected && selected->class_name.empty()) children_[selected->id].class_name = pending.class_name;
    }
    pending_classes_.clear();
    std::sort(staff_.begin(), staff_.end());
    staff_.erase(std::unique(staff_.begin(), staff_.end()), staff_.end());
    for (auto& note : pending_diary_) {
        std::string child_id = note.child_id;
        if (child_id.empty()) {
            const ChildInfo* selected = child_at(note.entry);
            if (!selected) continue;
            child_id = selected->id;
        }
        const std::string key = day_key(child_id, note.date, note.subject);
        auto& slots = lessons_[key];
        const bool seen = std::any_of(slots.begin(), slots.end(), [&](const LessonSlot& slot) {
            return slot.number == note.slot.number && slot.start_time == note.slot.start_time;
        });
        if (seen) continue;  // the same week captured twice
        slots.push_back(note.slot);
        auto& marks = marks_[key];
        marks.insert(marks.end(), note.marks.begin(), note.marks.end());
    }
    pending_diary_.clear();
    pending_diary_.shrink_to_fit();
    for (auto& [key, slots] : lessons_)
        std::sort(slots.begin(), slots.end(), [](const LessonSlot& a, const LessonSlot& b) { return a.number < b.number; });
}

const ChildInfo* CaptureIndex::child(const std::string& id) const {
    const auto it = children_.find(id);
    return it == children_.end() || it->second.full_name.empty() ? nullptr : &it->second;
}

std::string CaptureIndex::selected_id_at(std::size_t entry) const {
    const std::string* selected = nullptr;
    for (const auto& [index, id] : selections_) {
        if (index > entry) break;
        selected = &id;
    }
    if (!selected && !selections_.empty()) selected = &selections_.front().second;
    if (selected) return *selected;
    if (children_.size() == 1) return children_.begin()->first;
    return {};
}

const ChildInfo* CaptureIndex::child_at(std::size_t entry) const { return child(selected_id_at(entry)); }

const std::vector<LessonSlot>* CaptureIndex::lessons_on(const std::string& child, const std::string& date,
                                                        const std::string& subject) const {
    const auto it = lessons_.find(day_key(child, date, subject));
    return it == lessons_.end() ? nullptr : &it->second;
}

const std::vector<std::string>* CaptureIndex::diary_marks_on(const std::string& child, const std::string& date,
                                                             const std::string& subject) const {
    const auto it = marks_.find(day_key(child, date, subject));
    return it == marks_.end() ? nullptr : &it->second;
}

}  // namespace jb::bars

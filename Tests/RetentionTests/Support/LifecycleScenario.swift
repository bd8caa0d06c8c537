import Contract
import Foundation

/// A few hundred signals on about a hundred and twenty children over seven years, with the events the test makes on
/// given days (registrations, early endings, corrections, deaths), and, computed from the rules alone, every
/// lifecycle event Retention must emit and the day it must emit it.
struct LifecycleScenario {
  /// A child and what happens to it.
  struct Child {
    var pseudonym: String
    var birthDate: CalendarDate
    /// A correction of the birth date: on which day, to what.
    var correction: (day: CalendarDate, birthDate: CalendarDate)?
    /// The day the region administrator erases the child after its death.
    var death: CalendarDate?

    /// The 23rd birthday that counts: of the corrected birth date when there is one (the scenario corrects only
    /// before both birthdays).
    var turns23On: CalendarDate { (correction?.birthDate ?? birthDate).adding(years: 23) }
  }

  /// A signal and what happens to it.
  struct Signal {
    var id: UUID
    var child: Int
    var professional: String
    var registeredOn: CalendarDate
    var endsOn: CalendarDate
    /// An early ending by the professional: on which day, why.
    var ending: (day: CalendarDate, reason: EndReason)?
  }

  /// One lifecycle event: what, about which signal or child, on which day.
  struct Expected: Hashable, CustomStringConvertible {
    var kind: String
    var subject: String
    var day: CalendarDate
    var description: String { "\(day) \(kind) \(subject)" }
  }

  let start: CalendarDate
  let end: CalendarDate
  let reminderDays: Int
  private(set) var children: [Child] = []
  private(set) var signals: [Signal] = []
  /// Named children and signals the test looks at by themselves.
  private(set) var named: [String: Int] = [:]
  private(set) var namedSignals: [String: Int] = [:]

  init(start: CalendarDate, reminderDays: Int) {
    self.start = start
    self.end = start.adding(years: 7)
    self.reminderDays = reminderDays
    var random = SeededGenerator(seed: 20_261_125)
    addNamedCases()
    // Children who turn 23 during the seven years, and younger ones.
    for index in 0..<110 {
      let birthDate: CalendarDate
      if index < 45 {
        birthDate = start.adding(years: -23).plus(days: Int.random(in: 1...2500, using: &random))
      } else {
        birthDate = CalendarDate(year: 2008, month: 1, day: 1)!.plus(days: Int.random(in: 0...4000, using: &random))
      }
      let child = add(Child(pseudonym: "c\(index)-\(UUID().uuidString.prefix(8))", birthDate: birthDate))
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        // Made before the start, ending at least a reminder period after it, so every reminder is in the window.
        let made = start.plus(days: -Int.random(in: 1...(730 - reminderDays - 2), using: &random))
        var signal = Signal(
          id: UUID(), child: child, professional: "p\(signals.count)", registeredOn: made,
          endsOn: made.adding(years: 2))
        let roll = Int.random(in: 0..<20, using: &random)
        let window = start.days(to: signal.endsOn)
        if roll < 2, window > 2 {
          signal.ending = (start.plus(days: Int.random(in: 1..<window, using: &random)), .riskEnded)
        } else if roll == 2, window > 2 {
          signal.ending = (start.plus(days: Int.random(in: 1..<window, using: &random)), .unjustified)
        }
        signals.append(signal)
      }
      // Some are signalled again during the seven years, while still under 23.
      let again = start.plus(days: Int.random(in: 1...1100, using: &random))
      if Int.random(in: 0..<2, using: &random) == 0, again < children[child].turns23On.plus(days: -1) {
        signals.append(
          Signal(
            id: UUID(), child: child, professional: "p\(signals.count)", registeredOn: again,
            endsOn: again.adding(years: 2)))
      }
    }
  }

  private mutating func addNamedCases() {
    // Born on 29 February 2004: turns 23 on 1 March 2027, while its signal is still active.
    let leap = add(Child(pseudonym: "leap-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2004-02-29")!))
    named["leap"] = leap
    namedSignals["activeAt23"] = signal(child: leap, made: start.plus(days: -100))
    // Born on 28 February 2004: turns 23 on 28 February 2027.
    named["feb28"] = add(
      Child(pseudonym: "feb28-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2004-02-28")!))
    _ = signal(child: named["feb28"]!, made: start.plus(days: -200))
    // Born on 29 February 2008: its signal expires, and it turns 23 on 1 March 2031 before the purge.
    let leap2008 = add(
      Child(pseudonym: "leap2008-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2008-02-29")!))
    named["leap2008"] = leap2008
    namedSignals["expiredThenErased"] = signal(child: leap2008, made: start.plus(days: -300))
    // A child with a signal ended early (risk ended) and one ended as unjustified, and a plain one.
    let ended = add(Child(pseudonym: "ended-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2016-05-05")!))
    namedSignals["riskEnded"] = signal(child: ended, made: start.plus(days: -400), ending: (50, .riskEnded))
    namedSignals["unjustified"] = signal(child: ended, made: start.plus(days: -400), ending: (60, .unjustified))
    namedSignals["plain"] = signal(child: ended, made: start.plus(days: -400))
    // A correction moves a child's 23rd birthday from after the window into it.
    let corrected = add(
      Child(
        pseudonym: "corrected-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2014-06-01")!,
        correction: (start.plus(days: 10), CalendarDate("2006-06-01")!)))
    named["corrected"] = corrected
    _ = signal(child: corrected, made: start.plus(days: -30))
    // Erased after its death: nothing after that day.
    let died = add(
      Child(
        pseudonym: "died-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2012-03-03")!,
        death: start.plus(days: 200)))
    named["died"] = died
    namedSignals["ofDeadChild"] = signal(child: died, made: start.plus(days: -400))
    // A professional signals the same child again after the first signal expired.
    let again = add(Child(pseudonym: "again-\(UUID().uuidString.prefix(8))", birthDate: CalendarDate("2015-07-07")!))
    namedSignals["first"] = signal(child: again, made: start.plus(days: -600), professional: "p-again")
    let firstEnd = signals[namedSignals["first"]!].endsOn
    namedSignals["second"] = signal(child: again, made: firstEnd.plus(days: 10), professional: "p-again")
  }

  private mutating func add(_ child: Child) -> Int {
    children.append(child)
    return children.count - 1
  }

  private mutating func signal(
    child: Int, made: CalendarDate, ending: (afterStart: Int, reason: EndReason)? = nil, professional: String? = nil
  ) -> Int {
    signals.append(
      Signal(
        id: UUID(), child: child, professional: professional ?? "p\(signals.count)", registeredOn: made,
        endsOn: made.adding(years: 2), ending: ending.map { (start.plus(days: $0.afterStart), $0.reason) }))
    return signals.count - 1
  }

  /// The registrations made before the start.
  var initialEvents: [SignalEvent] {
    signals.filter { $0.registeredOn < start }.map(registration)
  }

  /// The events the test makes on each day of the window, before that day's run.
  var eventsByDay: [CalendarDate: [SignalEvent]] {
    var events: [CalendarDate: [SignalEvent]] = [:]
    for signal in signals {
      let child = children[signal.child].pseudonym
      if signal.registeredOn >= start { events[signal.registeredOn, default: []].append(registration(signal)) }
      if let ending = signal.ending {
        events[ending.day, default: []].append(
          TestEvents.end(child: child, professional: signal.professional, reason: ending.reason, on: ending.day))
      }
    }
    for child in children {
      if let correction = child.correction {
        events[correction.day, default: []].append(
          TestEvents.correct(child: child.pseudonym, birthDate: correction.birthDate, on: correction.day))
      }
      if let death = child.death {
        events[death, default: []].append(TestEvents.erase(child: child.pseudonym, reason: .death, on: death))
      }
    }
    return events
  }

  private func registration(_ signal: Signal) -> SignalEvent {
    TestEvents.register(
      signal.id, child: children[signal.child].pseudonym, birthDate: children[signal.child].birthDate,
      professional: signal.professional, on: signal.registeredOn, endsOn: signal.endsOn)
  }

  /// The day from which nothing about the child is emitted (its 23rd birthday or its erasure after death).
  func cutoff(_ child: Child) -> CalendarDate {
    min(child.turns23On, child.death ?? child.turns23On)
  }

  /// Every lifecycle event due in the window, from the rules alone.
  var expected: Set<Expected> {
    var expected = Set<Expected>()
    func add(_ kind: String, _ subject: String, _ day: CalendarDate, before cutoff: CalendarDate) {
      if day >= start && day <= end && day < cutoff {
        expected.insert(Expected(kind: kind, subject: subject, day: day))
      }
    }
    for child in children where child.death.map({ child.turns23On < $0 }) ?? true {
      add("erasure", child.pseudonym, child.turns23On, before: child.turns23On.plus(days: 1))
    }
    for signal in signals {
      let cutoff = cutoff(children[signal.child])
      let subject = signal.id.uuidString.lowercased()
      let endedOn = signal.ending?.day
      let reminder = signal.endsOn.plus(days: -reminderDays)
      if reminderDays > 0, endedOn.map({ $0 > reminder }) ?? true { add("reminder", subject, reminder, before: cutoff) }
      var archivedOn: CalendarDate?
      switch signal.ending {
      case .none:
        add("expiry", subject, signal.endsOn, before: cutoff)
        archivedOn = signal.endsOn
      case .some((let day, .riskEnded)): archivedOn = day
      case .some((_, .unjustified)): archivedOn = nil
      }
      if let archivedOn { add("purge", subject, archivedOn.adding(years: 5), before: cutoff) }
    }
    return expected
  }
}

import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type ActivityDetail, type Companion, type Signup, type SignupAnswers, type SignupQuestion, type SignupRole } from '@linli/shared'
import { call, isRetryable, messageOf, useActionAttempt } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ReminderNote } from '../../../components/ReminderNote'
import { Button, Input } from '../../../components/nutui'
import { cleanAnswers, hasErrors, validateAnswers, validateCompanions } from '../../../lib/activities'
import { formatTimeRange } from '../../../lib/format'
import { askForReminders } from '../../../lib/subscribe'

interface SignupSheetProps {
  activity: ActivityDetail
  /** participant: 报名 or 候补 (the server decides which); volunteer: 报名当志愿者. */
  role: SignupRole | null
  onClose: () => void
  onDone: (signup: Signup) => void
}

function QuestionField({ question, value, error, onChange }: { question: SignupQuestion; value: SignupAnswers[string] | undefined; error?: string; onChange: (v: SignupAnswers[string]) => void }) {
  const chosen = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []
  return (
    <View className='signup-field' id={`question-${question.id}`}>
      <Text className='ll-field-label'>
        {question.title}
        {question.required ? '（必填）' : '（选填）'}
      </Text>
      {question.kind === 'text' ? (
        <View className='ll-input-wrap'>
          <Input id={`answer-${question.id}`} value={typeof value === 'string' ? value : ''} placeholder='请在这里写' maxLength={500} onChange={(v) => onChange(v)} />
        </View>
      ) : (
        <View className='signup-options'>
          {question.kind === 'multiple' ? <Text className='ll-secondary'>可以选几项</Text> : null}
          {question.options.map((option, i) => {
            const on = chosen.includes(option)
            return (
              <View
                key={option}
                id={`answer-${question.id}-${i}`}
                className={on ? 'signup-option signup-option-on' : 'signup-option'}
                onClick={() => {
                  if (question.kind === 'single') onChange(option)
                  else onChange(on ? chosen.filter((c) => c !== option) : [...chosen, option])
                }}
              >
                {on ? '✓ ' : '○ '}
                {option}
              </View>
            )
          })}
        </View>
      )}
      {error ? <Text className='ll-field-error'>{error}</Text> : null}
    </View>
  )
}

/** The one confirmation between 报名 and being signed up: what will happen, questions and family members. */
export function SignupSheet({ activity, role, onClose, onDone }: SignupSheetProps) {
  const [companions, setCompanions] = useState<Companion[]>([])
  const [answers, setAnswers] = useState<SignupAnswers>({})
  const [showErrors, setShowErrors] = useState(false)
  const [serverError, setServerError] = useState<string>()
  /** The last try failed in a way a retry can fix (503, no answer): the button says 重试 and sends the same try. */
  const [retry, setRetry] = useState(false)
  const attempt = useActionAttempt()

  useEffect(() => {
    if (role) {
      setCompanions([])
      setAnswers({})
      setShowErrors(false)
      setServerError(undefined)
      setRetry(false)
    }
  }, [role])

  const volunteer = role === 'volunteer'
  const waitlist = !volunteer && activity.seatState === 'waitlist'
  const questions = volunteer ? [] : activity.questions
  const allowed = volunteer ? 0 : activity.companionsAllowed
  const companionErrors = validateCompanions(companions, allowed)
  const answerErrors = validateAnswers(questions, answers)

  const title = volunteer ? '报名当志愿者' : waitlist ? '确认候补' : '确认报名'
  const sentence = volunteer
    ? `您将作为志愿者参加「${activity.title}」，${formatTimeRange(activity.startsAt, activity.endsAt)}，地点：${activity.place}。`
    : waitlist
      ? `名额已满。确认后您会排进候补，有人取消时会通知您，空位会为您保留一段时间。`
      : `您将报名「${activity.title}」，${formatTimeRange(activity.startsAt, activity.endsAt)}，地点：${activity.place}。`

  const submit = async () => {
    setShowErrors(true)
    setServerError(undefined)
    if (hasErrors(companionErrors, answerErrors)) throw new Error('form invalid')
    // Asked in the tap itself (WeChat's rule), and answered before signing up so the result message can use it.
    if (!retry) {
      await askForReminders(waitlist ? ['signup_result', 'waitlist_offer', 'activity_changed'] : ['signup_result', 'activity_reminder', 'activity_changed'])
    }
    try {
      const signup = await call(routes.signUp, {
        params: { id: activity.id },
        body: {
          role: role ?? 'participant',
          companions: companions.map((c) => ({ name: c.name.trim(), relation: c.relation.trim() })),
          answers: cleanAnswers(questions, answers),
        },
        // Every try of this sign-up sends the same key: a retry after a lost answer gets the sign-up that was made.
        idempotencyKey: attempt.key(),
      })
      attempt.settled()
      setRetry(false)
      onDone(signup)
    } catch (error) {
      attempt.settled(error)
      setRetry(isRetryable(error))
      setServerError(messageOf(error))
      throw error
    }
  }

  const setCompanion = (index: number, patch: Partial<Companion>) =>
    setCompanions((prev) => prev.map((c, i) => (i === index ? { ...c, ...patch } : c)))

  return (
    <ConfirmDialog
      visible={role !== null}
      title={title}
      text={sentence}
      confirmId='signup-confirm'
      confirmText={retry ? '重试' : volunteer ? '确认报名志愿者' : waitlist ? '确认候补' : '确认报名'}
      onConfirm={submit}
      onClose={onClose}
    >
      <View className='signup-sheet'>
        {questions.map((q) => (
          <QuestionField
            key={q.id}
            question={q}
            value={answers[q.id]}
            error={showErrors ? answerErrors[q.id] : undefined}
            onChange={(v) => setAnswers((prev) => ({ ...prev, [q.id]: v }))}
          />
        ))}
        {allowed > 0 ? (
          <View className='signup-field' id='companions'>
            <Text className='ll-field-label'>同行家人（最多 {allowed} 位，选填）</Text>
            {companions.map((c, i) => (
              <View className='signup-companion' key={i}>
                <Text className='ll-text signup-companion-title'>第 {i + 1} 位家人</Text>
                <Text className='ll-secondary'>姓名</Text>
                <View className='ll-input-wrap'>
                  <Input id={`companion-name-${i}`} value={c.name} placeholder='姓名' maxLength={20} onChange={(v) => setCompanion(i, { name: v })} />
                </View>
                {showErrors && companionErrors.rows[i]?.name ? <Text className='ll-field-error'>{companionErrors.rows[i].name}</Text> : null}
                <Text className='ll-secondary signup-relation'>是您的什么人</Text>
                <View className='ll-input-wrap'>
                  <Input id={`companion-relation-${i}`} value={c.relation} placeholder='比如：老伴、孙子' maxLength={10} onChange={(v) => setCompanion(i, { relation: v })} />
                </View>
                {showErrors && companionErrors.rows[i]?.relation ? <Text className='ll-field-error'>{companionErrors.rows[i].relation}</Text> : null}
                <Button id={`companion-remove-${i}`} className='signup-companion-remove' size='large' fill='outline' onClick={() => setCompanions((prev) => prev.filter((_, j) => j !== i))}>
                  不带这位家人
                </Button>
              </View>
            ))}
            {companions.length < allowed ? (
              <Button id='companion-add' className='signup-companion-add' size='large' block fill='outline' onClick={() => setCompanions((prev) => [...prev, { name: '', relation: '' }])}>
                ＋ 加一位家人
              </Button>
            ) : null}
            {companions.length ? <Text className='ll-secondary'>共占 {companions.length + 1} 个名额（您和 {companions.length} 位家人）</Text> : null}
          </View>
        ) : null}
        <ReminderNote id='signup-reminder-note' />
        {serverError ? (
          <View id='signup-error' className='ll-notice ll-notice-error signup-error' role='alert'>
            <Text className='ll-text'>{serverError}</Text>
          </View>
        ) : null}
      </View>
    </ConfirmDialog>
  )
}

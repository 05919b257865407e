import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ballotChannelLabels, routes, type Household, type PollHouseholdVoters } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button, TextArea } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, LoadingState, ResourceBody } from '../../../components/States'
import { useHouseholdLevels } from '../../../hooks/useHouseholdLevels'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { checkBallot, turnoutLine, type Selections } from '../../../lib/polls'
import { BallotQuestions } from '../BallotQuestions'
import { ChosenLines } from '../ChosenLines'
import '../poll.css'
import './index.css'

/** Big word chips in a row; the chosen one ticked. */
function Chips({ id, options, value, onPick }: { id: string; options: { key: string; label: string; note?: string; disabled?: boolean }[]; value?: string; onPick: (key: string) => void }) {
  return (
    <View id={id} className='paper-chips'>
      {options.map((o) => (
        <View
          key={o.key}
          id={`${id}-${o.key}`}
          className={['paper-chip', o.key === value ? 'paper-chip-on' : '', o.disabled ? 'paper-chip-off' : ''].join(' ')}
          onClick={() => (o.disabled ? undefined : onPick(o.key))}
        >
          {o.key === value ? '✓ ' : ''}
          {o.label}
          {o.note ? <Text className='paper-chip-note'>{o.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}

/** Who the paper ballot is for: a resident of the household (one vote per person) or the household itself. */
type Voter = { userId: number; name: string } | { householdId: number }

/**
 * 录入纸质选票: pick the household (楼栋 → 单元 → 房号), see who in it may still vote, pick the voter, mark the
 * choices as on the paper, confirm. The server refuses a second vote of the same person or household and logs
 * who entered it.
 */
export default function PollPaperPage() {
  const loggedIn = useRequireLogin('pollPaper')
  const id = Number(useRouter().params.id)
  const setup = useResource(async () => ({ poll: await call(routes.getPoll, { params: { id } }) }), { enabled: loggedIn && id > 0, key: id })
  const [building, setBuilding] = useState<string>()
  const [unit, setUnit] = useState<string>()
  const levels = useHouseholdLevels({ communityId: setup.state.data?.poll.communityId, building, unit, enabled: loggedIn })
  const [household, setHousehold] = useState<Household>()
  const [voter, setVoter] = useState<Voter>()
  const [selections, setSelections] = useState<Selections>({})
  const [problems, setProblems] = useState<Record<number, string>>({})
  const [opinion, setOpinion] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string }>()
  const voters = useResource<PollHouseholdVoters | null>(
    () => (household ? call(routes.pollHouseholdVoters, { params: { id }, query: { householdId: household.id } }) : Promise.resolve(null)),
    { enabled: Boolean(household), key: household?.id ?? 0 },
  )

  const data = setup.state.data
  if (!data) {
    return <Page>{setup.state.status === 'error' ? <ErrorState error={setup.state.error} onRetry={setup.reload} /> : <LoadingState cards={2} />}</Page>
  }
  const { poll } = data
  const occupants = voters.state.data
  const checked = checkBallot(poll.questions, selections)
  const voterName = voter ? ('userId' in voter ? voter.name : `${occupants?.address ?? ''} 这一户`) : ''

  const notRegistered = <EmptyState title='这里还没有登记房号' description='请先在居委会导入住户名单。' />

  const pickHousehold = (next: Household | undefined) => {
    setHousehold(next)
    setVoter(undefined)
    setMessage(undefined)
  }

  const askToEnter = () => {
    setMessage(undefined)
    setProblems(checked.problems)
    if (!voter) {
      setMessage({ kind: 'error', text: poll.voterMode === 'household' ? '请先选好是哪一户' : '请先选好是哪一位居民' })
      return
    }
    if (!checked.answers) {
      setMessage({ kind: 'error', text: '还有题目没有按纸质选票选好，请看红字提示' })
      return
    }
    setConfirming(true)
  }

  const enter = async () => {
    if (!voter || !checked.answers) return
    try {
      const result = await call(routes.enterPaperBallot, { params: { id }, body: { ...voter, answers: checked.answers, opinion: opinion.trim() } })
      setMessage({ kind: 'done', text: `已录入${voterName}的纸质选票。${turnoutLine(result.turnout, poll.voterMode)}` })
      setSelections({})
      setOpinion('')
      setVoter(undefined)
      void voters.reload()
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    }
  }

  const voterChoices = () => {
    if (!household) return null
    if (!occupants) {
      return voters.state.status === 'error' ? <Text className='ll-field-error'>{messageOf(voters.state.error)}</Text> : <Text className='ll-secondary'>正在读取这一户的居民…</Text>
    }
    if (!occupants.eligible) {
      return (
        <View id='paper-not-eligible' className='ll-notice'>
          <Text className='ll-text'>{occupants.residents.length ? '这一户不在这次投票的范围内。' : '这一户还没有认证居民，不能投票。请先办理住户认证。'}</Text>
        </View>
      )
    }
    if (poll.voterMode === 'household') {
      const voted = occupants.householdVote
      return (
        <Chips
          id='paper-voter'
          options={[
            {
              key: 'household',
              label: `${occupants.address} 这一户`,
              note: voted ? `已投票（${ballotChannelLabels[voted.channel]}）` : undefined,
              disabled: Boolean(voted),
            },
          ]}
          value={voter && 'householdId' in voter ? 'household' : undefined}
          onPick={() => setVoter({ householdId: occupants.householdId })}
        />
      )
    }
    return (
      <Chips
        id='paper-voter'
        options={occupants.residents.map((r) => ({
          key: String(r.userId),
          label: r.name,
          note: r.vote ? `已投票（${ballotChannelLabels[r.vote.channel]}）` : undefined,
          disabled: Boolean(r.vote),
        }))}
        value={voter && 'userId' in voter ? String(voter.userId) : undefined}
        onPick={(key) => {
          const resident = occupants.residents.find((r) => String(r.userId) === key)
          if (resident) setVoter({ userId: resident.userId, name: resident.name })
        }}
      />
    )
  }

  const open = poll.phase === 'open'
  return (
    <Page
      footer={
        open ? (
          <Button id='paper-submit' type='primary' size='xlarge' block onClick={askToEnter}>
            录入这张选票
          </Button>
        ) : undefined
      }
    >
      <View className='ll-body'>
        <Text className='ll-title'>录入纸质选票</Text>
        <Text className='ll-secondary'>{poll.title}</Text>
        <Text className='ll-secondary'>
          {poll.voterMode === 'household' ? '每户一票' : '每位认证居民一票'}。已经在网上投过票的，不能再录入；录入后不能修改，系统会记下是谁录入的。
        </Text>
        {open ? null : (
          <View className='ll-notice'>
            <Text className='ll-text'>{poll.phase === 'upcoming' ? '投票还没有开始，开始后才能录入。' : '投票已经结束，不能再录入了。'}</Text>
          </View>
        )}
        {message ? (
          <View id='paper-message' className={`ll-notice ${message.kind === 'error' ? 'll-notice-error' : 'll-notice-done'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            <Text className='ll-text'>{message.text}</Text>
          </View>
        ) : null}

        <View className='ll-card'>
          <Text className='ll-heading'>1. 选住户</Text>
          <Text className='ll-field-label paper-step'>楼栋</Text>
          <ResourceBody resource={levels.buildings} loading='正在读取楼栋…' empty={notRegistered}>
            {(buildings) => (
              <Chips
                id='paper-building'
                options={buildings.map((b) => ({ key: b, label: b }))}
                value={building}
                onPick={(b) => {
                  setBuilding(b)
                  setUnit(undefined)
                  pickHousehold(undefined)
                }}
              />
            )}
          </ResourceBody>
          {building ? (
            <>
              <Text className='ll-field-label paper-step'>单元</Text>
              <ResourceBody resource={levels.units} loading='正在读取单元…' empty={notRegistered}>
                {(units) => (
                  <Chips
                    id='paper-unit'
                    options={units.map((u) => ({ key: u, label: u }))}
                    value={unit}
                    onPick={(u) => {
                      setUnit(u)
                      pickHousehold(undefined)
                    }}
                  />
                )}
              </ResourceBody>
            </>
          ) : null}
          {unit ? (
            <>
              <Text className='ll-field-label paper-step'>房号</Text>
              <ResourceBody resource={levels.rooms} loading='正在读取房号…' empty={notRegistered}>
                {(rooms) => (
                  <Chips id='paper-room' options={rooms.map((h) => ({ key: h.room, label: h.room }))} value={household?.room} onPick={(room) => pickHousehold(rooms.find((h) => h.room === room))} />
                )}
              </ResourceBody>
            </>
          ) : null}
        </View>

        {household ? (
          <View className='ll-card'>
            <Text className='ll-heading'>2. {poll.voterMode === 'household' ? '确认这一户' : '选投票的居民'}</Text>
            {voterChoices()}
          </View>
        ) : null}

        {voter ? (
          <>
            <Text className='ll-section-title'>3. 按纸质选票选择（{voterName}）</Text>
            <BallotQuestions
              questions={poll.questions}
              selections={selections}
              problems={problems}
              onChange={(next) => {
                setSelections(next)
                setProblems({})
              }}
            />
            {poll.opinionsEnabled ? (
              <View className='ll-card'>
                <Text className='ll-field-label'>选票上写的意见（没有就空着）</Text>
                <View className='ll-input-wrap'>
                  <TextArea id='paper-opinion' value={opinion} maxLength={500} rows={3} onChange={setOpinion} />
                </View>
              </View>
            ) : null}
          </>
        ) : null}
      </View>

      <ConfirmDialog
        visible={confirming}
        title='确认录入这张选票？'
        text={`为${voterName}录入纸质选票，录入后不能修改。选择：`}
        confirmId='paper-confirm'
        confirmText='确认录入'
        cancelText='再核对一下'
        onConfirm={enter}
        onClose={() => setConfirming(false)}
      >
        {checked.answers ? <ChosenLines questions={poll.questions} answers={checked.answers} /> : null}
      </ConfirmDialog>
    </Page>
  )
}

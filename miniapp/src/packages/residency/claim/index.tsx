import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type Community, type Household, type ResidencyClaim } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { LinkCell } from '../../../components/LinkCell'
import { Button, Input } from '../../../components/nutui'
import { BackToMineButton } from '../../../components/BackToMineButton'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, LoadingState, ResourceBody } from '../../../components/States'
import { useHouseholdLevels } from '../../../hooks/useHouseholdLevels'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { householdLabel } from '../../../lib/format'
import { roomsByFloor } from '../../../lib/households'
import './index.css'

type Step = 'community' | 'building' | 'unit' | 'room' | 'name'
const STEPS: Step[] = ['community', 'building', 'unit', 'room', 'name']

interface Choice {
  community?: Community
  building?: string
  unit?: string
  household?: Household
}

function StepHeader({ step, title, hint }: { step: Step; title: string; hint?: string }) {
  return (
    <View className='claim-step-header'>
      <Text className='ll-secondary'>
        第 {STEPS.indexOf(step) + 1} 步，共 {STEPS.length} 步
      </Text>
      <Text className='ll-title'>{title}</Text>
      {hint ? <Text className='ll-secondary'>{hint}</Text> : null}
    </View>
  )
}

/** A grid of big word buttons: 1栋 2栋 …, 1单元 2单元, 101 102 … */
function OptionGrid({ id, options, onPick }: { id: string; options: { key: string; label: string }[]; onPick: (key: string) => void }) {
  return (
    <View id={id} className='claim-grid'>
      {options.map((option) => (
        <Button key={option.key} className='claim-option' size='large' onClick={() => onPick(option.key)}>
          {option.label}
        </Button>
      ))}
    </View>
  )
}

function Chosen({ choice, onBack }: { choice: Choice; onBack: () => void }) {
  const parts = [choice.community?.name, choice.building, choice.unit, choice.household?.room].filter(Boolean)
  return (
    <View className='ll-card claim-chosen'>
      <Text className='ll-secondary'>已选</Text>
      <Text className='ll-text claim-chosen-text'>{parts.join(' ')}</Text>
      <Button id='claim-back' size='large' fill='outline' onClick={onBack}>
        返回上一步
      </Button>
    </View>
  )
}

function CommunityStep({ onPick }: { onPick: (community: Community) => void }) {
  const { state, reload } = useResource(() => call(routes.communities))
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />
  if (!state.data) return <LoadingState label='正在加载社区…' />
  if (!state.data.items.length) {
    return <EmptyState title='还没有可以认证的社区' description='您所在的社区还没有开通，请到居委会办理。' />
  }
  return (
    <View id='claim-community'>
      {state.data.items.map((community) => (
        <LinkCell
          key={community.id}
          id={`claim-community-${community.id}`}
          title={community.name}
          description={`${community.street.name} · ${community.address}`}
          onClick={() => onPick(community)}
        />
      ))}
    </View>
  )
}

function Submitted({ claim }: { claim: ResidencyClaim }) {
  return (
    <Page
      footer={<BackToMineButton id='claim-done' />}
    >
      <View className='ll-body claim-result' id='claim-result'>
        <View className='ll-state-symbol claim-result-symbol'>✓</View>
        <Text className='ll-title'>已提交，居委会审核后会通知您</Text>
        <View className='ll-card'>
          <Text className='ll-secondary'>申请认证的住户</Text>
          <Text className='ll-text residency-household'>{householdLabel(claim.household)}</Text>
          <Text className='ll-secondary'>真实姓名：{claim.realName}</Text>
        </View>
        <Text className='ll-secondary'>审核结果可以在“我的”里看到。</Text>
      </View>
    </Page>
  )
}

export default function ClaimHouseholdPage() {
  const loggedIn = useRequireLogin('claimHousehold')
  const [step, setStep] = useState<Step>('community')
  const [choice, setChoice] = useState<Choice>({})
  const [realName, setRealName] = useState('')
  const [nameError, setNameError] = useState<string>()
  const [submitError, setSubmitError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const [submitted, setSubmitted] = useState<ResidencyClaim>()

  const levels = useHouseholdLevels({ communityId: choice.community?.id, building: choice.building, unit: choice.unit, enabled: loggedIn })
  const roomList = levels.rooms.state.data
  const floors = useMemo(() => roomsByFloor(roomList ?? []), [roomList])

  const back = () => {
    const previous = STEPS[STEPS.indexOf(step) - 1] ?? 'community'
    setSubmitError(undefined)
    setStep(previous)
  }

  const submit = async () => {
    const name = realName.trim()
    if (!name) return setNameError('请填写您的真实姓名')
    if (name.length > 32) return setNameError('姓名太长了，请检查一下')
    if (!choice.household) return setStep('room')
    setNameError(undefined)
    setSubmitError(undefined)
    setSubmitting(true)
    try {
      setSubmitted(await call(routes.createResidencyClaim, { body: { householdId: choice.household.id, realName: name } }))
    } catch (error) {
      setSubmitError(messageOf(error))
    } finally {
      setSubmitting(false)
    }
  }

  if (submitted) return <Submitted claim={submitted} />

  const notRegistered = (
    <EmptyState
      title='这里还没有登记房号'
      description='请联系居委会登记，或返回选择别的社区。'
      action={
        <Button type='primary' size='large' onClick={() => setStep('community')}>
          重新选择社区
        </Button>
      }
    />
  )

  return (
    <Page
      footer={
        step === 'name' ? (
          <Button id='claim-submit' type='primary' size='xlarge' block loading={submitting} disabled={submitting} onClick={submit}>
            {submitting ? '正在提交…' : '提交认证'}
          </Button>
        ) : undefined
      }
    >
      <View className='ll-body'>
        {step === 'community' ? (
          <>
            <StepHeader step={step} title='您住在哪个社区？' hint='认证后，就能报名本社区的活动、参加议事投票。' />
            <CommunityStep
              onPick={(community) => {
                setChoice({ community })
                setStep('building')
              }}
            />
          </>
        ) : null}

        {step === 'building' ? (
          <>
            <StepHeader step={step} title='住在几栋？' />
            <Chosen choice={choice} onBack={back} />
            <ResourceBody resource={levels.buildings} loading='正在加载楼栋…' empty={notRegistered}>
              {(buildings) => (
                <OptionGrid
                  id='claim-building'
                  options={buildings.map((b) => ({ key: b, label: b }))}
                  onPick={(building) => {
                    setChoice({ community: choice.community, building })
                    setStep('unit')
                  }}
                />
              )}
            </ResourceBody>
          </>
        ) : null}

        {step === 'unit' ? (
          <>
            <StepHeader step={step} title='几单元？' />
            <Chosen choice={choice} onBack={back} />
            <ResourceBody resource={levels.units} loading='正在加载单元…' empty={notRegistered}>
              {(units) => (
                <OptionGrid
                  id='claim-unit'
                  options={units.map((u) => ({ key: u, label: u }))}
                  onPick={(unit) => {
                    setChoice({ community: choice.community, building: choice.building, unit })
                    setStep('room')
                  }}
                />
              )}
            </ResourceBody>
          </>
        ) : null}

        {step === 'room' ? (
          <>
            <StepHeader step={step} title='房号是多少？' />
            <Chosen choice={choice} onBack={back} />
            <ResourceBody resource={levels.rooms} loading='正在加载房号…' empty={notRegistered}>
              {() => (
                <View id='claim-room'>
                  {floors.map(({ floor, rooms }, index) => (
                    <View key={floor} className='claim-floor'>
                      <Text className='ll-section-title'>{floor}</Text>
                      <OptionGrid
                        id={`claim-room-floor-${index + 1}`}
                        options={rooms.map((h) => ({ key: String(h.id), label: h.room }))}
                        onPick={(key) => {
                          setChoice({ ...choice, household: rooms.find((h) => String(h.id) === key) })
                          setStep('name')
                        }}
                      />
                    </View>
                  ))}
                </View>
              )}
            </ResourceBody>
          </>
        ) : null}

        {step === 'name' && choice.household && choice.community ? (
          <>
            <StepHeader step={step} title='核对并填写姓名' hint='居委会会用您的真实姓名核对住户登记。' />
            <View className='ll-card'>
              <Text className='ll-secondary'>您要认证的住户</Text>
              <Text className='ll-text residency-household' id='claim-summary'>
                {householdLabel({ ...choice.household, communityName: choice.community.name })}
              </Text>
              <Button size='large' fill='outline' onClick={back}>
                选错了，返回上一步
              </Button>
            </View>
            <Text className='ll-field-label'>真实姓名</Text>
            <View className={nameError ? 'll-input-wrap claim-input-error' : 'll-input-wrap'}>
              <Input
                id='claim-realname'
                value={realName}
                placeholder='请输入身份证上的姓名'
                maxLength={32}
                onChange={(value) => {
                  setRealName(value)
                  if (nameError) setNameError(undefined)
                }}
              />
            </View>
            {nameError ? <Text className='ll-field-error'>{nameError}</Text> : null}
            {submitError ? (
              <View className='ll-card claim-submit-error' role='alert'>
                <Text className='ll-text'>{submitError}</Text>
              </View>
            ) : null}
          </>
        ) : null}
      </View>
    </Page>
  )
}

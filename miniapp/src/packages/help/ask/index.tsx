import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, serviceCategoryLabels, type ServiceCategory } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { useMe } from '../../../hooks/useSession'
import { householdLabel } from '../../../lib/format'
import { askForReminders, loadSubscribeTemplates } from '../../../lib/subscribe'
import { goTo } from '../../../navigation'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { neededAtOf, WHEN_CHOICES, type When } from './when'
import '../../staff/shared/desk.css'
import '../help.css'

const CATEGORIES = Object.entries(serviceCategoryLabels) as [ServiceCategory, string][]

/**
 * 找社区帮忙, elderly-first: tap what kind of help, (optionally say more), tap 提交 — two taps when the
 * household and "as soon as possible" are right. Each step afterwards reaches the resident's messages.
 */
export default function AskForHelpPage() {
  const me = useMe('askForHelp')
  const [category, setCategory] = useState<ServiceCategory>()
  const [details, setDetails] = useState('')
  const [when, setWhen] = useState<When>('asap')
  const [householdId, setHouseholdId] = useState<number>()
  const [error, setError] = useState<string>()
  const [sent, setSent] = useState(false)
  const [busy, setBusy] = useState(false)
  // The template ids must be at hand before the tap: WeChat asks for consent only inside it.
  useEffect(() => {
    void loadSubscribeTemplates()
  }, [])

  if (me.state.status === 'loading' && !me.state.data) return <Page><LoadingState cards={1} /></Page>
  if (!me.state.data) return <Page><ErrorState error={me.state.error} onRetry={() => void me.reload()} /></Page>
  const homes = me.state.data.residencies
  const home = householdId ?? (homes.length === 1 ? homes[0].household.id : undefined)

  if (homes.length === 0) {
    return (
      <Page>
        <View className='ll-body'>
          <View className='ll-card' id='ask-needs-home'>
            <Text className='ll-heading'>请先认证您家的住户</Text>
            <Text className='ll-text setup-line'>社区要知道上门到哪一户。认证后就能在这里求助；着急的话，请直接打电话给居委会。</Text>
            <Button id='ask-claim' size='large' type='primary' block onClick={() => goTo('claimHousehold')}>
              去认证住户
            </Button>
          </View>
        </View>
      </Page>
    )
  }

  if (sent) {
    return (
      <Page>
        <View className='ll-body'>
          <View className='ll-card' id='ask-sent' role='status'>
            <Text className='ll-heading'>已经告诉社区了</Text>
            <Text className='ll-text setup-line'>社区受理、派人、办好，每一步都会发消息告诉您。</Text>
            <Button id='ask-see-mine' size='large' type='primary' block onClick={() => goTo('myServiceRequests')}>
              看我的求助
            </Button>
          </View>
        </View>
      </Page>
    )
  }

  const submit = async () => {
    setError(undefined)
    if (!category) return setError('请先点一下需要哪种帮助')
    if (!home) return setError('请选择是哪一户需要帮助')
    setBusy(true)
    // In the tap, before sending: the next steps (受理, 派人, 办好) can then also come by WeChat.
    await askForReminders(['service_request'])
    try {
      await call(routes.createServiceRequest, {
        body: {
          householdId: home,
          category,
          // Typing is the hard part for many elders: without it the community calls back to ask.
          details: details.trim() || `需要${serviceCategoryLabels[category]}，请社区联系我`,
          neededAt: neededAtOf(when, new Date()),
        },
      })
      setSent(true)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page
      footer={
        <Button id='ask-submit' size='large' type='primary' block loading={busy} onClick={() => void submit()}>
          {category ? `请社区帮忙${serviceCategoryLabels[category]}` : '提交'}
        </Button>
      }
    >
      <View className='ll-body'>
        <Text className='ll-section-title'>您需要什么帮助？</Text>
        <View className='help-categories' id='ask-category'>
          {CATEGORIES.map(([value, label]) => (
            <ChoiceButton key={value} selected={category === value} label={label} onClick={() => setCategory(value)} />
          ))}
        </View>
        <Field id='ask-details' label='想多说几句（可以不填）' value={details} maxLength={300} multiline placeholder='例如：下周二上午去市一医院看眼睛' onChange={setDetails} />
        <View className='setup-field' id='ask-when'>
          <Text className='ll-text setup-field-label'>什么时候要？</Text>
          <View className='setup-choice'>
            {WHEN_CHOICES.map((w) => (
              <ChoiceButton key={w.value} selected={when === w.value} label={w.label} onClick={() => setWhen(w.value)} />
            ))}
          </View>
        </View>
        {homes.length > 1 ? (
          <View className='setup-field' id='ask-household'>
            <Text className='ll-text setup-field-label'>哪一户需要帮助？</Text>
            <View className='setup-choice'>
              {homes.map((r) => (
                <ChoiceButton key={r.household.id} selected={home === r.household.id} label={householdLabel(r.household)} onClick={() => setHouseholdId(r.household.id)} />
              ))}
            </View>
          </View>
        ) : (
          <Text className='ll-secondary setup-line'>上门地址：{householdLabel(homes[0].household)}</Text>
        )}
        <Notice id='ask-error' notice={error ? { kind: 'error', text: error } : null} />
      </View>
    </Page>
  )
}
